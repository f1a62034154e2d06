/// How serious a finding is. Ordered: `note < warning < error`.
public enum Severity: String, CaseIterable, Sendable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

extension Severity {
    /// The severity whose raw value `bytes` spell, read without making a string.
    package init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard let found = Severity.allCases.first(where: { $0.rawValue.utf8.elementsEqual(bytes) }) else { return nil }
        self = found
    }
}
