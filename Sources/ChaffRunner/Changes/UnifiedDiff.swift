/// Reads the output of `git diff -U0 --src-prefix=a/ --dst-prefix=b/`: for each file, the
/// lines of its new version that were added or changed.
enum UnifiedDiff {
    /// Line ranges (1-based, in the new version) by path (relative to the repository's top, as
    /// git prints it). A file whose diff has no hunk (a pure rename, a mode change) is absent.
    static func addedLines(_ output: [UInt8]) -> [String: [ClosedRange<Int>]] {
        var result: [String: [ClosedRange<Int>]] = [:]
        var current: String?
        // Lines still to come in the current hunk, old and new: a line of content is skipped by
        // count, never read as a header, even when it reads "+++ b/x" or "@@".
        var oldLeft = 0
        var newLeft = 0
        for slice in output.split(separator: 0x0A, omittingEmptySubsequences: false) {
            let line = Array(slice)
            if oldLeft > 0 || newLeft > 0 {
                switch line.first {
                case 0x2D: oldLeft -= 1
                case 0x2B: newLeft -= 1
                case 0x20:
                    oldLeft -= 1
                    newLeft -= 1
                default: break  // "\ No newline at end of file"
                }
                continue
            }
            if line.starts(with: Array("diff --git ".utf8)) {
                current = nil
            } else if line.starts(with: Array("+++ ".utf8)) {
                let name = GitPath.unquote(Array(line.dropFirst(4)))
                current = name.hasPrefix("b/") ? String(name.dropFirst(2)) : nil
            } else if line.starts(with: Array("@@ -".utf8)), let hunk = hunkHeader(line) {
                oldLeft = hunk.oldCount
                newLeft = hunk.newCount
                if let current, hunk.newCount > 0 {
                    result[current, default: []].append(hunk.newStart...(hunk.newStart + hunk.newCount - 1))
                }
            }
        }
        return result
    }

    /// `@@ -a[,b] +c[,d] @@ …`: the old and new counts and the new start.
    static func hunkHeader(_ line: [UInt8]) -> (oldCount: Int, newStart: Int, newCount: Int)? {
        let text = String(decoding: line, as: UTF8.self)
        let parts = text.split(separator: " ")
        guard parts.count >= 4, parts[0] == "@@", parts[1].hasPrefix("-"), parts[2].hasPrefix("+") else { return nil }
        func range(_ part: Substring) -> (Int, Int)? {
            let numbers = part.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
            guard let start = Int(numbers[0]) else { return nil }
            if numbers.count == 1 { return (start, 1) }
            guard numbers.count == 2, let count = Int(numbers[1]) else { return nil }
            return (start, count)
        }
        guard let old = range(parts[1]), let new = range(parts[2]) else { return nil }
        return (old.1, new.0, new.1)
    }
}

/// Paths as git prints them.
enum GitPath {
    /// `bytes` without git's C-style quoting: a name with a control character, a quote, a
    /// backslash or (with `core.quotePath`) a byte above 0x7F is printed in double quotes with
    /// `\t`, `\n`, `\"`, `\\` and `\ooo` octal escapes; other names are printed as they are.
    static func unquote(_ bytes: [UInt8]) -> String {
        guard bytes.count >= 2, bytes.first == 0x22, bytes.last == 0x22 else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        var i = 1
        let end = bytes.count - 1
        while i < end {
            let byte = bytes[i]
            guard byte == 0x5C, i + 1 < end else {
                out.append(byte)
                i += 1
                continue
            }
            let next = bytes[i + 1]
            switch next {
            case 0x30...0x37:
                var value = 0
                var j = i + 1
                while j < end, j < i + 4, (0x30...0x37).contains(bytes[j]) {
                    value = value * 8 + Int(bytes[j] - 0x30)
                    j += 1
                }
                out.append(UInt8(truncatingIfNeeded: value))
                i = j
                continue
            case 0x61: out.append(0x07)
            case 0x62: out.append(0x08)
            case 0x74: out.append(0x09)
            case 0x6E: out.append(0x0A)
            case 0x76: out.append(0x0B)
            case 0x66: out.append(0x0C)
            case 0x72: out.append(0x0D)
            default: out.append(next)
            }
            i += 2
        }
        return String(decoding: out, as: UTF8.self)
    }
}
