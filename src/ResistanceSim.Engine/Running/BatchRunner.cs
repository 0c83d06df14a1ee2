using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using ResistanceSim.Engine.Algorithms;
using ResistanceSim.Engine.Observation;
using ResistanceSim.Model;

namespace ResistanceSim.Engine.Running;

/// <summary>
/// Runs work units on a bounded pool of worker threads, each with its own reusable run,
/// algorithm and result buffers, and hands the results to the caller strictly in work-unit order.
/// Because every unit has its own random stream and results are consumed in order, output is
/// bit-identical at any thread count. At most a small window of finished results waits for the
/// writer, so memory stays flat however many units there are. The writer is woken for a run of results, not for
/// each: a sweep's units take a fraction of a millisecond, and waking a sleeping thread for every one of them cost
/// more CPU in the kernel than writing the result (benchmarks/RESULTS.md, "Threads: the writer woken per batch").
/// </summary>
public static class BatchRunner
{
    /// <summary>Finished results that may wait for the writer, per worker thread.</summary>
    private const int ResultsPerThread = 4;

    /// <summary>Longest the writer sleeps while a result it can write is ready, short of a batch.</summary>
    private const int WakeIntervalMilliseconds = 10;

    /// <param name="consume">Called on the calling thread, in unit order, with each finished result; the buffer is reused afterwards.</param>
    /// <returns>Number of units consumed (fewer than requested only on cancellation).</returns>
    public static int Run(
        Scenario scenario, IReadOnlyList<WorkUnit> units, int threads, AlgorithmInfo algorithm,
        Func<Scenario, SimulationRun> createRun, Action<WorkUnitResult> consume, CancellationToken cancellation) =>
        Run(scenario, _ => scenario, units, threads, algorithm, createRun, consume, cancellation);

    /// <summary>
    /// Runs units whose scenario depends on their arm and sweep point (or patient). Each worker keeps the run of
    /// the (arm, point) it last simulated and builds a new one only when that changes; units are arm- then
    /// point-major, so that is once per point and worker. All must have the mechanisms and drugs of
    /// <paramref name="shape"/> (it sizes the result buffers).
    /// </summary>
    /// <param name="scenarioFor">Called on worker threads; must be thread-safe.</param>
    /// <param name="histories">For cohorts: lets the arms of a patient share its history (<see cref="SharedHistories.ForCohort"/>); null grows each.</param>
    public static int Run(
        Scenario shape, Func<WorkUnit, Scenario> scenarioFor, IReadOnlyList<WorkUnit> units, int threads, AlgorithmInfo algorithm,
        Func<Scenario, SimulationRun> createRun, Action<WorkUnitResult> consume, CancellationToken cancellation,
        SharedHistories? histories = null)
    {
        var scenario = shape;
        threads = Math.Clamp(threads, 1, Math.Max(1, units.Count));
        int window = ResultsPerThread * threads;
        int batch = window / 2;   // at most half the window, so a full window always holds a batch: no wait is missed
        var slots = new WorkUnitResult?[window];
        var pool = new ConcurrentBag<WorkUnitResult>();
        using var freeSlots = new SemaphoreSlim(window, window);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var gate = new object();
        int next = -1;
        int waitingFor = -1;   // the unit the writer sleeps on, or −1 while it is not sleeping (under gate)
        long lastWake = long.MinValue;   // Stopwatch timestamp of the writer's last wake; MinValue: never woken (under gate)
        long wakeInterval = Stopwatch.Frequency / 1000 * WakeIntervalMilliseconds;
        ExceptionDispatchInfo? failure = null;

        // Under gate: whether a result just stored should wake the writer, asleep on the unit it needs next. Yes once a
        // batch is ready from that unit on, or no unit is left to start (the last results must not wait for a batch that
        // never comes), or the writer has slept for WakeIntervalMilliseconds or has never been woken: units slower than
        // that (a trial's patients) are written, reported and can be cancelled one by one, as before batching.
        bool WriterShouldWake()
        {
            if (waitingFor < 0 || slots[waitingFor % window] is null) return false;
            long now = Stopwatch.GetTimestamp();
            bool wake = lastWake == long.MinValue || now - lastWake >= wakeInterval || Volatile.Read(ref next) >= units.Count - 1;
            for (int ready = 0; !wake && slots[(waitingFor + ready) % window] is not null; ready++) wake = ready + 1 == batch;
            if (wake) lastWake = now;
            return wake;
        }

        void Work()
        {
            try
            {
                SimulationRun? run = null;
                (int Arm, int Point) runKey = (-1, -1);
                var engine = algorithm.Create();
                var recorder = new TableRecorder();
                while (!stop.IsCancellationRequested)
                {
                    freeSlots.Wait(stop.Token);
                    int index = Interlocked.Increment(ref next);
                    if (index >= units.Count)
                    {
                        freeSlots.Release();
                        return;
                    }
                    var result = pool.TryTake(out var reused) ? reused : new WorkUnitResult(scenario.Catalog.All.Count, scenario.DrugList.Count);
                    recorder.Target = result;
                    var unit = units[index];
                    if (run is null || (unit.Arm, unit.Point) != runKey)
                    {
                        run = createRun(scenarioFor(unit));
                        runKey = (unit.Arm, unit.Point);
                    }
                    Simulator.Run(run, engine, unit, recorder, stop.Token, histories);
                    lock (gate)
                    {
                        slots[index % window] = result;
                        if (WriterShouldWake()) Monitor.PulseAll(gate);
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e)
            {
                lock (gate)
                {
                    failure ??= ExceptionDispatchInfo.Capture(e);
                    Monitor.PulseAll(gate);
                }
                stop.Cancel();
            }
        }

        var workers = Enumerable.Range(0, threads).Select(i => new Thread(Work) { IsBackground = true, Name = $"resistancesim-worker-{i}" }).ToArray();
        foreach (var worker in workers) worker.Start();

        int consumed = 0;
        try
        {
            for (; consumed < units.Count; consumed++)
            {
                // Cancelled: results already finished beyond this point are left unwritten (a resumed run computes
                // them again, bit for bit), so a stop is as prompt as the window of finished results is long.
                if (stop.IsCancellationRequested) break;
                WorkUnitResult? result;
                lock (gate)
                {
                    while ((result = slots[consumed % window]) is null && failure is null && !stop.IsCancellationRequested)
                    {
                        waitingFor = consumed;
                        Monitor.Wait(gate, 100);
                        waitingFor = -1;
                    }
                    if (result is null) break;
                    slots[consumed % window] = null;
                }
                consume(result);
                pool.Add(result);
                freeSlots.Release();
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var worker in workers) worker.Join();
        }
        failure?.Throw();
        return consumed;
    }
}
