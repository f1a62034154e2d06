/// The examples in a rule file. They are the rule's documentation and its tests.
public struct RuleExamples: Sendable {
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

        /// Parses `marked`, where each `↓` marks where a finding starts.
        public init(marked: String, format: String = "text", fileOffset: Int = 0) {
            var text = ""
            var starts: [Int] = []
            var bytes = 0
            for scalar in marked.unicodeScalars {
                if scalar == "\u{2193}" {
                    starts.append(bytes)
                } else {
                    text.unicodeScalars.append(scalar)
                    bytes += String(scalar).utf8.count
                }
            }
            self.text = text
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
