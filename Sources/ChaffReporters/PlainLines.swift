import ChaffEngine
import ChaffText

/// The uncoloured compiler-style lines of one part (`PATH:LINE:COLUMN: SEVERITY: MESSAGE [RULE]`
/// and a newline each), written into an array made to their size: one pass over the
/// diagnostics measures the lines, a second copies each piece straight to its place.
/// Appending piece by piece paid an array's checks for each of the line's ten pieces, most of a
/// line's cost when a page has a finding every hundred bytes. Bytes are exactly those
/// `CompilerReporter.appendPlainLine` writes.
enum PlainLines {
    /// The lines of `diagnostics`, read in place (a copy of a diagnostic retains all its
    /// strings).
    static func render(_ diagnostics: UnsafeBufferPointer<Diagnostic>) -> [UInt8] {
        // Nothing to write: an empty buffer may or may not have an address.
        guard !diagnostics.isEmpty, let first = diagnostics.baseAddress else { return [] }
        var path = EscapedPath()
        var escapes = EscapeMemo(lines: diagnostics.count)
        // Messages that need escaping, by diagnostic, escaped while measuring.
        var escaped: [Int: [UInt8]] = [:]
        var total = 0
        for index in diagnostics.indices {
            let d = first + index
            total += path.bytes(of: d.pointee.path).count
            total += decimalCount(d.pointee.line) + decimalCount(d.pointee.column) + 2
            total += severityPiece(d.pointee.severity).utf8CodeUnitCount
            var message = d.pointee.message
            total += message.withUTF8 { message in
                guard escapes.mayNeedEscape(message) else { return message.count }
                let bytes = Array(TerminalSafe.escape(String(decoding: message, as: UTF8.self)).utf8)
                escaped[index] = bytes
                return bytes.count
            }
            // ` [`, `]` and the newline.
            total += d.pointee.ruleID.utf8.count + 4
        }
        path = EscapedPath()
        return [UInt8](unsafeUninitializedCapacity: total) { buffer, written in
            var writer = Writer(next: buffer.baseAddress!)
            for index in diagnostics.indices {
                let d = first + index
                writer.copy(path.bytes(of: d.pointee.path))
                writer.byte(0x3A)
                writer.decimal(d.pointee.line)
                writer.byte(0x3A)
                writer.decimal(d.pointee.column)
                severityPiece(d.pointee.severity).withUTF8Buffer { writer.copy($0) }
                if !escaped.isEmpty, let bytes = escaped[index] {
                    writer.copy(bytes)
                } else {
                    var message = d.pointee.message
                    message.withUTF8 { writer.copy($0) }
                }
                writer.byte(0x20)
                writer.byte(0x5B)
                var ruleID = d.pointee.ruleID
                ruleID.withUTF8 { writer.copy($0) }
                writer.byte(0x5D)
                writer.byte(0x0A)
            }
            written = writer.next - buffer.baseAddress!
            precondition(written == total, "a compiler-style line measured and written differently")
        }
    }

    /// `: note: `, `: warning: ` or `: error: `.
    static func severityPiece(_ severity: Severity) -> StaticString {
        switch severity {
        case .note: return ": note: "
        case .warning: return ": warning: "
        case .error: return ": error: "
        }
    }

    /// Bytes of `value` in decimal (a minus sign and its digits when negative).
    static func decimalCount(_ value: Int) -> Int {
        guard value > 0 else { return value == 0 ? 1 : String(value).utf8.count }
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// Where the next byte goes.
    private struct Writer {
        var next: UnsafeMutablePointer<UInt8>

        mutating func byte(_ value: UInt8) {
            next.initialize(to: value)
            next += 1
        }

        mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let source = bytes.baseAddress else { return }
            next.initialize(from: source, count: bytes.count)
            next += bytes.count
        }

        mutating func copy(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { copy($0) }
        }

        /// The digits of `value`, written from the last.
        mutating func decimal(_ value: Int) {
            guard value > 0 else {
                copy(Array(String(value).utf8))
                return
            }
            let count = PlainLines.decimalCount(value)
            var rest = value
            var at = next + count
            while at > next {
                at -= 1
                at.initialize(to: UInt8(truncatingIfNeeded: rest % 10) &+ 0x30)
                rest /= 10
            }
            next += count
        }
    }

    /// The part's path escaped for the terminal, made again only when the path changes (a
    /// part is one file's).
    private struct EscapedPath {
        private var last: String?
        private var escaped: [UInt8] = []

        mutating func bytes(of path: String) -> [UInt8] {
            if path != last {
                escaped = Array(TerminalSafe.escape(path).utf8)
                last = path
            }
            return escaped
        }
    }

    /// Whether a message may need escaping (`TerminalSafe.containsSuspect`), remembered by
    /// where its bytes lie: a rule's findings share a few message strings (`DiagnosticBuilder`
    /// reuses them), whose bytes need reading once. Addresses stay valid while the diagnostics
    /// holding the messages live, as they do for one part. A string of 15 bytes or fewer is
    /// stored in the string itself, its bytes lent from a temporary copy whose address says
    /// nothing: it is read each time.
    private struct EscapeMemo {
        private var starts: [UnsafePointer<UInt8>?]
        private var counts: [Int]
        private var suspect: [Bool]
        private let mask: Int

        /// A memo for a part of `lines` lines: up to 1,024 slots, a slot for each line of a
        /// smaller part (a page of spun text has a few hundred distinct messages).
        init(lines: Int) {
            var size = 16
            while size < min(lines, 1024) { size *= 2 }
            starts = [UnsafePointer<UInt8>?](repeating: nil, count: size)
            counts = [Int](repeating: 0, count: size)
            suspect = [Bool](repeating: false, count: size)
            mask = size - 1
        }

        mutating func mayNeedEscape(_ message: UnsafeBufferPointer<UInt8>) -> Bool {
            guard message.count > 15, let start = message.baseAddress else { return TerminalSafe.containsSuspect(message) }
            let hash = UInt64(UInt(bitPattern: start)) &* 0x9E37_79B9_7F4A_7C15
            let slot = Int(truncatingIfNeeded: hash >> 40) & mask
            if starts[slot] != start || counts[slot] != message.count {
                starts[slot] = start
                counts[slot] = message.count
                suspect[slot] = TerminalSafe.containsSuspect(message)
            }
            return suspect[slot]
        }
    }
}
