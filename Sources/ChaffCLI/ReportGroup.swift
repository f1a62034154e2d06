import ChaffCore

/// Collects the diagnostics of consecutive inputs that share one shown path (a file named
/// twice), so that they are reported merged in report order, as a sort of the whole set would.
struct ReportGroup {
    private var path: String?
    private var diagnostics: [Diagnostic] = []
    private var inputs = 0

    /// Starts the input shown as `path`; returns the finished group when the path changes.
    mutating func next(path: String) -> [Diagnostic]? {
        guard path != self.path else { return nil }
        let ready = finish()
        self.path = path
        return ready
    }

    /// Adds one input's diagnostics (already in report order).
    mutating func add(_ found: [Diagnostic]) {
        if diagnostics.isEmpty { diagnostics = found } else { diagnostics += found }
        inputs += 1
    }

    /// The group so far, in report order, and starts afresh.
    mutating func finish() -> [Diagnostic] {
        var ready = diagnostics
        diagnostics = []
        if inputs > 1 { ready.sort(by: Diagnostic.reportOrder) }
        inputs = 0
        return ready
    }
}
