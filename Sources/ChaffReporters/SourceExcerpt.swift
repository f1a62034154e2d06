import ChaffEngine
import ChaffText

/// The source line and caret line printed under a finding in the compiler format when it is
/// shown to a person (`--show-source`, the default on a terminal), as rustc and ruff do:
///
///     a.txt:2:6: warning: Unrendered template expression '{{ name }}'; … [placeholder-template-expression]
///       |
///     2 | 中文𠀀 {{ name }}
///       |       ^^^^^^^^^^
///       = help: replace with 'x'
///
/// The line is drawn, not copied: a tab becomes spaces up to the next multiple of `tabWidth`,
/// control, bidi and separator characters become the visible escapes of `TerminalSafe` (so a
/// line cannot recolour the terminal or read differently from what it holds), a stray byte of
/// invalid UTF-8 becomes U+FFFD, and the carets are placed by display width (East Asian Wide
/// and Fullwidth characters take two cells, combining marks none). A line wider than
/// `maximumWidth` cells is cut to a window around the finding, with `...` where text is left
/// out. A finding that spans lines shows its first line, with carets to the end of it.
public enum SourceExcerpt {
    /// The widest source text shown, in terminal cells, `...` marks included.
    public static let maximumWidth = 120
    /// Cells of context kept left of a finding when a long line is cut.
    public static let leftContext = 24
    /// Tab stops every this many cells (rustc and ruff show a tab as 4 spaces).
    public static let tabWidth = 4

    /// Sets `sourceLine` of each diagnostic from `text`, the document as UTF-8 (the decoded text
    /// for a file in another encoding: line numbers are the same).
    public static func attach(_ diagnostics: inout [Diagnostic], text: [UInt8]) {
        guard !diagnostics.isEmpty else { return }
        let index = LineIndex(text)
        for i in diagnostics.indices {
            let line = diagnostics[i].line - 1
            guard line >= 0, line < index.lineStarts.count else { continue }
            let start = index.lineStarts[line]
            var end = line + 1 < index.lineStarts.count ? index.lineStarts[line + 1] : text.count
            while end > start && (text[end - 1] == 0x0A || text[end - 1] == 0x0D) { end -= 1 }
            diagnostics[i].sourceLine = Array(text[start..<end])
        }
    }

    /// The lines under `d`'s header, each ending in a newline, then an empty line; "" when `d`
    /// has no `sourceLine`. Columns of `d` are in `unit`.
    public static func render(_ d: Diagnostic, unit: ColumnUnit, color: Bool = false) -> String {
        guard let line = d.sourceLine else { return "" }
        let startByte = byteOffset(in: line, column: d.column, unit: unit)
        let endByte = d.endLine > d.line ? line.count : max(startByte, byteOffset(in: line, column: d.endColumn, unit: unit))
        let cells = self.cells(line)
        let caret = caretCells(cells, startByte: startByte, endByte: endByte)
        let total = cells.last.map { $0.column + $0.width } ?? 0
        let window = Window(total: total, caret: caret)
        let shown = shownText(cells, window: window)
        let offset = (window.leftMark ? 3 : 0) - shown.from
        let lastCaretCell = window.rightMark ? shown.to : max(shown.to, caret.upperBound)
        let caretFrom = min(max(caret.lowerBound, shown.from), lastCaretCell) + offset
        let caretTo = max(min(caret.upperBound, lastCaretCell) + offset, caretFrom + 1)

        let number = String(d.line)
        let pad = String(repeating: " ", count: number.count)
        let p = Palette(color: color, severity: d.severity)
        var out = "\(p.bar)\(pad) |\(p.reset)\n"
        out += "\(p.bar)\(number) |\(p.reset)" + (shown.text.isEmpty ? "" : " " + shown.text) + "\n"
        out += "\(p.bar)\(pad) |\(p.reset) " + String(repeating: " ", count: caretFrom)
        out += p.carets + String(repeating: "^", count: caretTo - caretFrom) + p.reset + "\n"
        if let fix = d.fix {
            let what = fix.isEmpty ? "remove it" : "replace with '\(TerminalSafe.escape(fix))'"
            out += "\(p.bar)\(pad) =\(p.reset) \(p.help)help\(p.reset): \(what)\n"
        }
        return out + "\n"
    }

    /// The cells the finding covers; at least one, so an empty finding still gets a caret.
    private static func caretCells(_ cells: [Cell], startByte: Int, endByte: Int) -> Range<Int> {
        var caretStart = cells.last.map { $0.column + $0.width } ?? 0
        var caretEnd = caretStart
        var foundStart = false
        for cell in cells {
            if !foundStart && cell.byte >= startByte {
                caretStart = cell.column
                foundStart = true
            }
            if cell.byte < endByte { caretEnd = cell.column + cell.width }
        }
        if caretEnd <= caretStart { caretEnd = caretStart + 1 }
        return caretStart..<caretEnd
    }

    /// The cells shown of a line too wide for `maximumWidth`, and whether `...` marks a cut on
    /// either side.
    private struct Window {
        var from = 0
        var to: Int
        var leftMark = false
        var rightMark = false

        init(total: Int, caret: Range<Int>) {
            to = total
            guard total > maximumWidth else { return }
            let mark = 3
            // Keep the start of the line when the finding fits there, else show it with some context before.
            if caret.upperBound <= maximumWidth - mark || caret.lowerBound < leftContext {
                to = maximumWidth - mark
                rightMark = true
            } else {
                from = caret.lowerBound - leftContext
                leftMark = true
                to = from + maximumWidth - mark
                if to < total {
                    to -= mark
                    rightMark = true
                } else {
                    to = total
                    from = max(0, total - (maximumWidth - mark))
                }
            }
        }
    }

    /// The text of the cells wholly inside `window` with its marks, and the cells it spans.
    private static func shownText(_ cells: [Cell], window: Window) -> (text: String, from: Int, to: Int) {
        var text = window.leftMark ? "..." : ""
        var shownFrom = -1
        var shownTo = window.from
        for cell in cells where cell.column >= window.from && cell.column + cell.width <= window.to {
            if shownFrom < 0 { shownFrom = cell.column }
            text += cell.text
            shownTo = cell.column + cell.width
        }
        if shownFrom < 0 { shownFrom = window.from }
        if window.rightMark { text += "..." }
        return (text, shownFrom, shownTo)
    }

    /// The terminal escapes of an excerpt; all empty without colour.
    private struct Palette {
        var bar = ""
        var reset = ""
        var carets = ""
        var help = ""

        init(color: Bool, severity: Severity) {
            guard color else { return }
            bar = "\u{1B}[1;34m"
            reset = "\u{1B}[0m"
            switch severity {
            case .error: carets = "\u{1B}[1;31m"
            case .warning: carets = "\u{1B}[1;35m"
            case .note: carets = "\u{1B}[1;36m"
            }
            help = "\u{1B}[1m"
        }
    }

    /// One drawn character: its text, first cell, width in cells and first byte in the line.
    struct Cell {
        var text: String
        var column: Int
        var width: Int
        var byte: Int
    }

    /// The line drawn as cells.
    static func cells(_ line: [UInt8]) -> [Cell] {
        var cells: [Cell] = []
        cells.reserveCapacity(line.count)
        var column = 0
        line.withUnsafeBufferPointer { bytes in
            var i = 0
            while i < bytes.count {
                let (decoded, length) = UTF8Decoding.decode(bytes, at: i)
                let text: String
                let width: Int
                if let value = decoded, let scalar = Unicode.Scalar(value) {
                    if value == 0x09 {
                        width = tabWidth - column % tabWidth
                        text = String(repeating: " ", count: width)
                    } else if TerminalSafe.needsEscape(scalar) {
                        text = TerminalSafe.escape(String(scalar))
                        width = text.utf8.count
                    } else {
                        text = String(scalar)
                        width = cellWidth(scalar)
                    }
                } else {
                    text = "\u{FFFD}"
                    width = 1
                }
                cells.append(Cell(text: text, column: column, width: width, byte: i))
                column += width
                i += length
            }
        }
        return cells
    }

    /// Cells a printable scalar takes on a terminal.
    static func cellWidth(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return DisplayWidth.columns(of: scalar.value)
        }
    }

    /// The byte offset in `line` of 1-based `column` counted in `unit` (clamped to the line).
    static func byteOffset(in line: [UInt8], column: Int, unit: ColumnUnit) -> Int {
        let target = column - 1
        if target <= 0 { return 0 }
        if unit == .utf8 { return min(target, line.count) }
        return line.withUnsafeBufferPointer { bytes in
            var count = 0
            var i = 0
            while i < bytes.count && count < target {
                let lead = bytes[i]
                if lead < 0x80 {
                    count = unit == .display && lead == 0x09 ? (count / 8 + 1) * 8 : count + 1
                    i += 1
                    continue
                }
                let (scalar, length) = UTF8Decoding.decode(bytes, at: i)
                i += length
                switch unit {
                case .utf8, .scalar: count += 1
                case .utf16: count += (scalar ?? 0) > 0xFFFF ? 2 : 1
                case .display: count += DisplayWidth.columns(of: scalar ?? 0xFFFD)
                }
            }
            return i
        }
    }
}
