import Foundation

/// A deadline for user regular expressions on one document, so that a catastrophic pattern
/// reports a timeout instead of hanging chaff.
public final class RegexBudget: @unchecked Sendable {
    private let deadline: UInt64
    private var exhaustedFlag = false

    /// A budget of `seconds` from now.
    public init(seconds: Double) {
        deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, seconds) * 1_000_000_000)
    }

    /// Whether time ran out; once it has, it stays so.
    public var isExhausted: Bool {
        if exhaustedFlag { return true }
        if DispatchTime.now().uptimeNanoseconds > deadline { exhaustedFlag = true }
        return exhaustedFlag
    }

    /// Whether the budget was found exhausted at some point.
    public var wasExhausted: Bool { exhaustedFlag }
}
