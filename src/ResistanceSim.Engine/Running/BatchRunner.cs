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
/// bit-identical at any thread count. At most a small window of finished results waits to be written, so memory stays
/// flat however many units there are. The workers write: the one that finishes the unit next in order takes the writer's
/// role and writes every result ready from it on, while the others go on simulating. So <c>threads</c> threads do all
/// the work — no writer thread beside them, woken for each run of results and competing with them for the cores — and a
/// result is written from the cache of the core that made it (benchmarks/RESULTS.md, "Threads: the workers write").
/// </summary>
public static class BatchRunner
{
    /// <summary>Finished results that may wait to be written, per worker thread.</summary>
    private const int ResultsPerThread = 4;

    /// <param name="consume">Called in unit order with each finished result, one call at a time, on a worker thread; the buffer is reused afterwards.</param>
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
    /// <param name="consume">Called in unit order with each finished result, one call at a time (never two at once), on
    /// whichever worker holds the writer's role; an exception it throws stops the run and is rethrown to the caller.</param>
    /// <param name="histories">For cohorts: lets the arms of a patient share its history (<see cref="SharedHistories.ForCohort"/>); null grows each.</param>
    public static int Run(
        Scenario shape, Func<WorkUnit, Scenario> scenarioFor, IReadOnlyList<WorkUnit> units, int threads, AlgorithmInfo algorithm,
        Func<Scenario, SimulationRun> createRun, Action<WorkUnitResult> consume, CancellationToken cancellation,
        SharedHistories? histories = null)
    {
        var scenario = shape;
        threads = Math.Clamp(threads, 1, Math.Max(1, units.Count));
        int window = ResultsPerThread * threads;
        var slots = new WorkUnitResult?[window];
        var pool = new ConcurrentBag<WorkUnitResult>();
        using var freeSlots = new SemaphoreSlim(window, window);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var gate = new object();
        int next = -1;
        int consumed = 0;      // results written (under gate)
        bool writing = false;  // whether a worker holds the writer's role (under gate)
        ExceptionDispatchInfo? failure = null;

        void Fail(Exception e)
        {
            lock (gate)
            {
                failure ??= ExceptionDispatchInfo.Capture(e);
                Monitor.PulseAll(gate);
            }
            stop.Cancel();
        }

        // The writer's role, taken by the worker that stored the result next in order while no one held it: writes
        // every result ready from there on, then gives the role up. A worker that stores a result while another writes
        // leaves it to that one, which looks for the next result under the same lock. Cancelled: results already
        // finished beyond this point are left unwritten (a resumed run computes them again, bit for bit), so a stop is
        // as prompt as one result's writing.
        void WriteReady()
        {
            while (true)
            {
                WorkUnitResult? result;
                lock (gate)
                {
                    result = stop.IsCancellationRequested || consumed == units.Count ? null : slots[consumed % window];
                    if (result is null)
                    {
                        writing = false;
                        return;
                    }
                    slots[consumed % window] = null;
                }
                try
                {
                    consume(result);
                }
                catch (Exception e)
                {
                    Fail(e);   // a cancellation the writer raises reaches the caller too, as any of its errors
                    return;
                }
                pool.Add(result);
                lock (gate)
                {
                    if (++consumed == units.Count) Monitor.PulseAll(gate);
                }
                freeSlots.Release();
            }
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
                        if (writing || index != consumed) continue;
                        writing = true;
                    }
                    WriteReady();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e)
            {
                Fail(e);
            }
        }

        var workers = Enumerable.Range(0, threads).Select(i => new Thread(Work) { IsBackground = true, Name = $"resistancesim-worker-{i}" }).ToArray();
        foreach (var worker in workers) worker.Start();

        try
        {
            lock (gate)
            {
                // Woken when the last result is written or a worker fails; the timeout notices a cancellation.
                while (consumed < units.Count && failure is null && !stop.IsCancellationRequested) Monitor.Wait(gate, 100);
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
