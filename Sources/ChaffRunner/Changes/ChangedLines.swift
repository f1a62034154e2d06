import ChaffEngine
import ChaffText

/// Which lines of one file changed (`--diff-lines`): all of them (a file git does not track
/// yet), or the added and changed lines of its new version as git counts them.
public enum ChangedLines: Sendable, Equatable {
    /// The whole file is new.
    case all
    /// These 1-based line ranges, sorted; empty for a file renamed or re-moded without an edit.
    case lines([ClosedRange<Int>])

    /// The diagnostics of `bytes` (the file as linted) that touch a changed line.
    ///
    /// Lines are git's: cut at each 0x0A byte of the file. Comparing byte ranges rather than
    /// chaff's line numbers keeps the two in step where they count differently (a lone carriage
    /// return ends a line for chaff, not for git; in UTF-16 git cuts at every 0x0A byte).
    public func keep(_ diagnostics: [Diagnostic], in bytes: [UInt8]) -> [Diagnostic] {
        guard case .lines(let ranges) = self else { return diagnostics }
        guard !ranges.isEmpty, !diagnostics.isEmpty else { return [] }
        let spans = Self.byteSpans(of: ranges, in: bytes)
        return diagnostics.filter { diagnostic in
            let start = diagnostic.range.lowerBound
            let end = max(diagnostic.range.upperBound, start + 1)
            return spans.contains { $0.lowerBound < end && start < $0.upperBound }
        }
    }

    /// The byte ranges of `lines` in `bytes`, each with its line break.
    static func byteSpans(of lines: [ClosedRange<Int>], in bytes: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var lineStarts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var position = 0
            while let newline = ByteSearch.next(0x0A, in: buffer, from: position) {
                lineStarts.append(newline + 1)
                position = newline + 1
            }
        }
        func start(ofLine line: Int) -> Int { line - 1 < lineStarts.count ? lineStarts[line - 1] : bytes.count }
        for range in lines {
            let from = start(ofLine: max(1, range.lowerBound))
            // The line after the range starts where it ends (the end of the file past the last).
            let to = start(ofLine: range.upperBound + 1)
            spans.append(from..<max(from, to))
        }
        return spans
    }
}
