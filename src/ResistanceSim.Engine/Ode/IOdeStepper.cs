namespace ResistanceSim.Engine.Ode;

/// <summary>dy/dt = f(t, y), written into <paramref name="derivative"/>.</summary>
public delegate void OdeRightHandSide(double t, ReadOnlySpan<double> y, Span<double> derivative);

/// <summary>
/// An adaptive one-step integrator that can report the solution anywhere inside its last step
/// (dense output), so callers sample at fixed times without shortening steps.
/// </summary>
public interface IOdeStepper
{
    /// <summary>Time reached by the last accepted step.</summary>
    double T { get; }

    /// <summary>Start time of the last accepted step.</summary>
    double PreviousT { get; }

    /// <summary>Solution at <see cref="T"/>.</summary>
    ReadOnlySpan<double> Y { get; }

    /// <summary>Accepted and rejected steps since <see cref="Initialize"/>.</summary>
    int AcceptedSteps { get; }

    int RejectedSteps { get; }

    /// <summary>Starts (or restarts, after a discontinuity) at (<paramref name="t"/>, <paramref name="y"/>).</summary>
    void Initialize(double t, ReadOnlySpan<double> y, OdeRightHandSide f, double relativeTolerance, double absoluteTolerance);

    /// <summary>
    /// Takes one accepted step, never past <paramref name="tMax"/> (a discontinuity or the end).
    /// Returns false when the step size has collapsed (the problem looks stiff for this method).
    /// </summary>
    bool Step(double tMax);

    /// <summary>The solution at <paramref name="t"/> in [<see cref="PreviousT"/>, <see cref="T"/>].</summary>
    void Interpolate(double t, Span<double> y);
}
