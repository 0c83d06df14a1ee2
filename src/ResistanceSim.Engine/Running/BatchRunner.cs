using System.Collections.Concurrent;
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
/// writer, so memory stays flat however many units there are.
/// </summary>
public static class BatchRunner
{
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
        int window = 4 * threads;
        var slots = new WorkUnitResult?[window];
        var pool = new ConcurrentBag<WorkUnitResult>();
        using var freeSlots = new SemaphoreSlim(window, window);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var gate = new object();
        int next = -1;
        ExceptionDispatchInfo? failure = null;

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
                        Monitor.PulseAll(gate);
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
                WorkUnitResult? result;
                lock (gate)
                {
                    while ((result = slots[consumed % window]) is null && failure is null && !stop.IsCancellationRequested)
                        Monitor.Wait(gate, 100);
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
