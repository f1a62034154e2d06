import ChaffEngine

/// Counts the findings reported, for the summary printed after a report shown to a person:
/// `chaff: 3 findings (1 error, 2 warnings) in 5 files checked; 2 fixable with --fix`.
struct FindingTally {
    private(set) var errors = 0
    private(set) var warnings = 0
    private(set) var notes = 0
    private(set) var fixable = 0

    /// Counts `found`.
    mutating func add(_ found: [Diagnostic]) {
        for d in found {
            switch d.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .note: notes += 1
            }
            if d.fix != nil { fixable += 1 }
        }
    }

    /// The summary line, without its newline.
    func summary(filesChecked: Int) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let files = "in \(count(filesChecked, "file")) checked"
        let parts = [(errors, "error"), (warnings, "warning"), (notes, "note")].filter { $0.0 > 0 }.map { count($0.0, $0.1) }
        let total = errors + warnings + notes
        guard total > 0 else { return "chaff: no findings \(files)" }
        let found = parts.count == 1 ? parts[0] : "\(count(total, "finding")) (\(parts.joined(separator: ", ")))"
        return "chaff: \(found) \(files)" + (fixable > 0 ? "; \(fixable) fixable with --fix" : "")
    }
}
