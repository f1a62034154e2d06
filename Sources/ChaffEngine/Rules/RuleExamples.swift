/// The examples in a rule file. They are the rule's documentation and its tests.
public struct RuleExamples: Sendable {
    /// What one finding of an invalid example must be, beyond where it starts: each part is
    /// checked only when the rule file gives it.
    public struct ExpectedFinding: Sendable, Equatable {
        /// What the fix must be.
        public enum Fix: Sendable, Equatable {
            /// Not checked.
            case unchecked
            /// The finding must offer no fix (`"fix": null`).
            case none
            /// The finding's replacement text.
            case text(String)
        }

        /// The matched text, which fixes where the finding ends.
        public var match: String?
        /// The whole message, as reported.
        public var message: String?
        /// The fix.
        public var fix: Fix

        /// An expectation; every part defaults to unchecked.
        public init(match: String? = nil, message: String? = nil, fix: Fix = .unchecked) {
            self.match = match
            self.message = message
            self.fix = fix
        }
    }

    /// One example text.
    public struct Example: Sendable, Equatable {
        /// The text with the `↓` markers removed.
        public var text: String
        /// Byte offsets in `text` where a finding must start, one per `↓`, ascending.
        public var expectedStarts: [Int]
        /// The document format the example is read as (`text`, `markdown` or `html`).
        public var format: String
        /// Offset of the example in the rule file, for error messages.
        public var fileOffset: Int
        /// For an invalid example given as an object with `findings`: one expectation per `↓`,
        /// in order; empty when only the starts are checked.
        public var expectedFindings: [ExpectedFinding] = []

        /// Parses `marked`, where each `↓` marks where a finding starts.
        public init(marked: String, format: String = "text", fileOffset: Int = 0) {
            // Every built-in rule's examples are parsed at start-up: bytes, not scalars.
            let arrow: [UInt8] = [0xE2, 0x86, 0x93]  // U+2193 in UTF-8
            var out: [UInt8] = []
            var starts: [Int] = []
            let bytes = Array(marked.utf8)
            out.reserveCapacity(bytes.count)
            var i = 0
            while i < bytes.count {
                if bytes[i] == arrow[0] && i + 2 < bytes.count && bytes[i + 1] == arrow[1] && bytes[i + 2] == arrow[2] {
                    starts.append(out.count)
                    i += 3
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            self.text = String(decoding: out, as: UTF8.self)
            self.expectedStarts = starts
            self.format = format
            self.fileOffset = fileOffset
        }

        /// The text with `↓` inserted at each of `starts`.
        public func marked(_ starts: [Int]) -> String {
            let bytes = Array(text.utf8)
            var out: [UInt8] = []
            let sorted = starts.sorted()
            var next = 0
            for i in 0...bytes.count {
                while next < sorted.count && sorted[next] == i {
                    out.append(contentsOf: Array("\u{2193}".utf8))
                    next += 1
                }
                if i < bytes.count { out.append(bytes[i]) }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Texts that must produce no finding.
    public var valid: [Example]
    /// Texts that must produce exactly the marked findings.
    public var invalid: [Example]

    /// Examples as given.
    public init(valid: [Example], invalid: [Example]) {
        self.valid = valid
        self.invalid = invalid
    }
}
