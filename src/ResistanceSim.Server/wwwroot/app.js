// The lesson page: collects the sliders, starts a run through /api/runs, follows it with server-sent events,
// and shows its charts, lattice frames, answer checks and downloads. Plain JavaScript: the app works offline.
"use strict";

(function () {
  const article = document.querySelector("article.lesson");
  if (!article) return;
  const lesson = article.dataset.lesson || null;
  const $ = (selector) => article.querySelector(selector);
  const status = $("#status"), progress = $("#progress"), problems = $("#problems");
  const runButton = $("#run"), yamlButton = $("#run-yaml"), compareButton = $("#compare");
  let current = null, previous = null, stream = null;
  let liveRun = null, liveUrl = null, liveRequested = 0, liveShown = 0;

  function parameterValue(input) {
    let value = Number(input.value);
    if (input.hasAttribute("data-log")) value = Number(Math.pow(10, value).toPrecision(3));
    if (input.hasAttribute("data-integer")) value = Math.round(value);
    return value;
  }

  for (const input of article.querySelectorAll("#parameters input[type=range]")) {
    const output = input.parentElement.querySelector("output");
    const show = () => { output.textContent = String(parameterValue(input)); };
    input.addEventListener("input", show);
    show();
  }

  function values() {
    const result = {};
    for (const input of article.querySelectorAll("#parameters input[type=range]")) result[input.name] = parameterValue(input);
    return result;
  }

  // A choice's drop-down sends the name of the option picked (its overrides are the server's).
  function choices() {
    const result = {};
    for (const select of article.querySelectorAll("#parameters select")) result[select.name] = select.value;
    return result;
  }

  // Lists a refusal's problems. In the YAML view each located one is a button that selects its line in the editor, and
  // the first one's line is selected at once, so the teacher sees where to look without counting lines.
  function listProblems(list, items) {
    const inYaml = list.id === "yaml-errors";
    list.replaceChildren(...items.map((p) => {
      const li = document.createElement("li");
      if (inYaml && p.line > 0) {
        const at = document.createElement("button");
        at.type = "button";
        at.className = "at-line";
        at.title = "Select this line in the YAML";
        at.textContent = `line ${p.line}, column ${p.column}`;
        at.addEventListener("click", () => selectYamlLine(p.line));
        li.append(at, `: ${p.message}`);
      } else li.textContent = p.line > 0 ? `line ${p.line}, column ${p.column}: ${p.message}` : p.message;
      return li;
    }));
    const first = inYaml && items.find((p) => p.line > 0);
    if (first) selectYamlLine(first.line);
  }

  // Selects (highlights) 1-based line `line` of the YAML editor and scrolls it into the middle of the view.
  function selectYamlLine(line) {
    const textarea = $("#yaml-text");
    const lines = textarea.value.split("\n");
    const index = Math.min(line, lines.length) - 1;
    const start = lines.slice(0, index).reduce((sum, text) => sum + text.length + 1, 0);
    textarea.focus();
    textarea.setSelectionRange(start, start + lines[index].length);
    const lineHeight = textarea.scrollHeight / lines.length;
    textarea.scrollTop = Math.max(0, (index + 0.5) * lineHeight - textarea.clientHeight / 2);
  }

  async function start(body, errorList) {
    if (stream) stream.close();
    listProblems(problems, []);
    listProblems($("#yaml-errors"), []);
    runButton.disabled = yamlButton.disabled = true;
    status.textContent = "Submitting…";
    try {
      const response = await fetch("/api/runs", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const answer = await response.json();
      if (!response.ok) {
        listProblems(errorList, answer.problems || [{ line: 0, message: `refused (${response.status})` }]);
        status.textContent = "The run was refused.";
        runButton.disabled = yamlButton.disabled = false;
        return;
      }
      follow(answer.id);
    } catch (e) {
      status.textContent = "The server did not answer.";
      runButton.disabled = yamlButton.disabled = false;
    }
  }

  function follow(id) {
    stream = new EventSource(`/api/runs/${id}/events`);
    stream.onmessage = (event) => {
      const run = JSON.parse(event.data);
      show(run);
      if (run.state === "done" || run.state === "failed" || run.state === "cancelled") {
        stream.close();
        stream = null;
        runButton.disabled = yamlButton.disabled = false;
      }
    };
  }

  function show(run) {
    if (run.state === "queued") status.textContent = `Waiting: place ${run.position} in the queue.`;
    else if (run.state === "running") {
      status.textContent = run.unitsTotal > 0 ? `Running (${run.stage}): ${run.unitsDone} of ${run.unitsTotal} work units.` : `Running (${run.stage}).`;
      progress.max = Math.max(1, run.unitsTotal);
      progress.value = run.unitsDone;
      if (run.liveChart) drawLiveChart(run.id, run.liveChart);
    } else if (run.state === "done") {
      progress.max = 1; progress.value = 1;
      status.textContent = `Done: ${run.scenario}.`;
      if (current && current.id !== run.id) previous = current;
      current = run;
      render();
    } else {
      liveRun = null;
      status.textContent = run.state === "failed" ? "The run failed." : "The run was stopped.";
      listProblems(problems, [{ line: 0, message: run.error || run.state }]);
    }
  }

  // While a run goes, its population chart so far replaces this run's charts (the finished run's charts replace it in turn).
  // Each redraw is loaded before it is swapped in, so the chart never blinks out. A redraw that loads after a newer one
  // was asked for still shows unless a newer one already has: on a slow connection every redraw may be superseded before
  // it loads. One that loads after its run ended is dropped.
  function drawLiveChart(runId, url) {
    if (runId === liveRun && url === liveUrl) return;
    liveRun = runId;
    liveUrl = url;
    const sequence = ++liveRequested;
    const img = new Image();
    img.className = "live";
    img.alt = "population so far";
    img.onload = () => {
      if (liveRun !== runId || sequence <= liveShown) return;
      liveShown = sequence;
      $("#results").hidden = false;
      $(".downloads").hidden = true;
      $("#current figure.frames").hidden = true;
      $("#current .charts").replaceChildren(img);
    };
    img.src = url;
  }

  function drawCharts(container, run) {
    container.replaceChildren(...run.charts.map((url) => {
      const img = document.createElement("img");
      img.src = url;
      img.alt = url.split("/").pop().replace(".svg", "");
      return img;
    }));
  }

  // An agent-engine run's lattice frames: one image, and a slider that steps through the run's own frame list.
  function drawFrames(runElement, run) {
    const figure = runElement.querySelector("figure.frames");
    const frames = run.frames || [];
    figure.hidden = frames.length === 0;
    if (frames.length === 0) return;
    const img = figure.querySelector("img.frame"), slider = figure.querySelector("input.frame-slider"), label = figure.querySelector("output");
    const showFrame = () => {
      const frame = frames[Number(slider.value)];
      img.src = frame.url;
      img.alt = `lattice, ${frame.label}`;
      label.textContent = frame.label;
    };
    slider.max = String(frames.length - 1);
    slider.value = "0";
    slider.oninput = showFrame;
    showFrame();
  }

  function writeChecks(run, selector, prefix) {
    article.querySelectorAll(".question").forEach((question, i) => {
      const check = run && run.checks[i];
      const p = question.querySelector(selector);
      if (!check) return;
      p.hidden = false;
      p.classList.toggle("holds", check.holds);
      p.classList.toggle("fails", !check.holds);
      const figure = check.figure ? ` (${check.figure})` : "";
      p.textContent = check.error ? `${prefix}the check could not be evaluated: ${check.error}`
        : `${prefix}${check.holds ? "✓ the expected answer holds" : "✗ the expected answer does not hold"} in this run${figure}.`;
    });
  }

  function render() {
    liveRun = null;
    $("#results").hidden = false;
    $(".downloads").hidden = false;
    drawCharts($("#current .charts"), current);
    drawFrames($("#current"), current);
    $("#zip").href = current.zipUrl;
    $("#yaml").href = current.yamlUrl;
    $("#command").textContent = current.command;
    writeChecks(current, ".check:not(.previous-check)", "");
    compareButton.disabled = !previous;
    if (!$("#previous").hidden && previous) showPrevious();
  }

  function showPrevious() {
    $("#previous").hidden = false;
    drawCharts($("#previous .charts"), previous);
    drawFrames($("#previous"), previous);
    writeChecks(previous, ".previous-check", "Previous run: ");
  }

  const runYaml = () => start({ lesson, yaml: $("#yaml-text").value }, $("#yaml-errors"));
  // A bundled scenario's page has no lesson and no sliders: Run runs its YAML.
  runButton.addEventListener("click", () => lesson ? start({ lesson, values: values(), choices: choices() }, problems) : runYaml());
  yamlButton.addEventListener("click", runYaml);
  compareButton.addEventListener("click", () => { if (previous) showPrevious(); });
})();
