import ChaffEngine

/// Collects the diagnostics of consecutive inputs that share one shown path (a file named
/// twice), so that they are reported merged in report order, as a sort of the whole set would.
struct ReportGroup {
    private var path: String?
    private var diagnostics: [Diagnostic] = []
    private var rendered: [UInt8]?
    private var inputs = 0

    /// Starts the input shown as `path`; returns the finished group when the path changes.
    mutating func next(path: String) -> (diagnostics: [Diagnostic], rendered: [UInt8]?)? {
        guard path != self.path else { return nil }
        let ready = finish()
        self.path = path
        return ready
    }

    /// Adds one input's diagnostics (already in report order) and, when a worker rendered
    /// them, their part of the report.
    mutating func add(_ found: [Diagnostic], rendered: [UInt8]? = nil) {
        if diagnostics.isEmpty { diagnostics = found } else { diagnostics += found }
        self.rendered = rendered
        inputs += 1
    }

    /// The group so far, in report order, with its rendered part when it is one input's (a
    /// merged group is rendered afresh), and starts afresh.
    mutating func finish() -> (diagnostics: [Diagnostic], rendered: [UInt8]?) {
        var ready = diagnostics
        let part = inputs == 1 ? rendered : nil
        diagnostics = []
        rendered = nil
        if inputs > 1 { Diagnostic.putInReportOrder(&ready) }
        inputs = 0
        return (ready, part)
    }
}
