import ChaffText

/// Answers whether a finding is suppressed, and remembers which directives were needed.
///
/// Semantics, per rule id:
/// - `chaff-disable-next-line` suppresses findings that start on the line after the line where
///   the directive ends (the whole line); `chaff-disable-line` those that start on its own line.
/// - `chaff-disable` and `chaff-enable` form ranges by byte offset: a finding at offset `o` is
///   suppressed when, among the range directives that select its rule, the last one ending at or
///   before `o` is a `chaff-disable` (a disable takes effect after its comment, an enable from
///   the start of its comment). So `chaff-disable placeholder` then
///   `chaff-enable placeholder-token` re-enables just that rule.
/// - `chaff-disable-file` suppresses the rule everywhere in the file.
///
/// When several directives cover a finding, the most specific is credited: a line directive
/// (the first in the file of next-line and same-line ones for that line), then a
/// range, then file. A disable directive that never suppressed anything is unused; so is an
/// enable that closes no open disable of an overlapping rule.
///
/// Used by one thread at a time: one document is checked by one worker.
public struct SuppressionSet: Sendable {
    /// The directives, in source order.
    public let directives: [SuppressionDirective]
    /// Malformed directives found when built from a document.
    public let malformed: [MalformedSuppression]

    /// The directives that apply to one rule id, built on first use.
    private struct RuleTable: Sendable {
        var fileDirective: Int?
        var nextLine: [Int: Int] = [:]
        /// Offsets where a range directive takes effect, ascending, with the directive index.
        var rangeOffsets: [Int] = []
        var rangeDirectives: [Int] = []
    }

    private let lines: LineIndex
    private var used: [Bool]
    private let enableClosesSomething: [Bool]
    private var tables: [String: RuleTable] = [:]

    /// A set over `directives` found in a source whose line index is `lines`.
    init(directives: [SuppressionDirective], lines: LineIndex, malformed: [MalformedSuppression] = []) {
        self.directives = directives
        self.malformed = malformed
        self.lines = lines
        self.used = [Bool](repeating: false, count: directives.count)
        self.enableClosesSomething = Self.enablesThatCloseSomething(directives)
    }

    /// A set over the directives of `document`.
    public init(document: MaskedDocument) {
        let parsed = SuppressionParser.parse(document)
        // Only directives need line numbers.
        let lines = parsed.directives.isEmpty ? LineIndex([]) : document.lineIndex
        self.init(directives: parsed.directives, lines: lines, malformed: parsed.malformed)
    }

    /// Whether a finding of `ruleID` starting at `byteOffset` is suppressed; a `true` answer
    /// marks the directive responsible as used.
    public mutating func suppresses(ruleID: String, at byteOffset: Int) -> Bool {
        guard !directives.isEmpty else { return false }
        let table = self.table(for: ruleID)
        if !table.nextLine.isEmpty, let index = table.nextLine[lines.lineIndex(of: byteOffset)] {
            used[index] = true
            return true
        }
        if !table.rangeOffsets.isEmpty {
            var low = 0
            var high = table.rangeOffsets.count
            while low < high {
                let mid = (low + high) / 2
                if table.rangeOffsets[mid] <= byteOffset { low = mid + 1 } else { high = mid }
            }
            if low > 0 {
                let index = table.rangeDirectives[low - 1]
                if directives[index].kind == .disable {
                    used[index] = true
                    return true
                }
            }
        }
        if let index = table.fileDirective {
            used[index] = true
            return true
        }
        return false
    }

    /// Directives that changed nothing so far, in source order: disables that suppressed no
    /// finding and enables that closed no disable. Ask after every rule has run.
    public func unusedDirectives() -> [SuppressionDirective] {
        directives.indices.filter { index in
            directives[index].kind == .enable ? !enableClosesSomething[index] : !used[index]
        }.map { directives[$0] }
    }

    private mutating func table(for ruleID: String) -> RuleTable {
        if let table = tables[ruleID] { return table }
        var table = RuleTable()
        for (index, directive) in directives.enumerated() where directive.selects(ruleID) {
            switch directive.kind {
            case .disableFile:
                if table.fileDirective == nil { table.fileDirective = index }
            case .disableNextLine:
                let target = directive.endLine + 1
                if target < lines.lineStarts.count && table.nextLine[target] == nil { table.nextLine[target] = index }
            case .disableLine:
                if table.nextLine[directive.line] == nil { table.nextLine[directive.line] = index }
            case .disable:
                table.rangeOffsets.append(directive.range.upperBound)
                table.rangeDirectives.append(index)
            case .enable:
                table.rangeOffsets.append(directive.range.lowerBound)
                table.rangeDirectives.append(index)
            }
        }
        tables[ruleID] = table
        return table
    }

    /// For each directive, whether it is an enable that follows an open disable of an
    /// overlapping rule set.
    private static func enablesThatCloseSomething(_ directives: [SuppressionDirective]) -> [Bool] {
        var result = [Bool](repeating: false, count: directives.count)
        // Open disables: a selector, or nil for "every rule".
        var open: [RuleSelector?] = []
        for (index, directive) in directives.enumerated() {
            switch directive.kind {
            case .disable:
                if directive.rules.isEmpty { open.append(nil) } else { open.append(contentsOf: directive.rules.map { $0 }) }
            case .enable:
                result[index] = open.contains { selector in selector.map(directive.overlaps) ?? true }
                if directive.rules.isEmpty {
                    open.removeAll()
                } else {
                    open.removeAll { selector in
                        guard let selector else { return false }
                        return directive.rules.contains { $0.covers(selector) }
                    }
                }
            case .disableNextLine, .disableLine, .disableFile:
                break
            }
        }
        return result
    }
}
