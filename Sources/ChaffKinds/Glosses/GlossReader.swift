/// A reader of one kind of gloss (parenthesised, ruby) in UTF-8 text.
package protocol GlossReader {
    /// All glosses in UTF-8 `bytes`, in source order; ranges are offsets into `bytes`.
    static func glosses(in bytes: UnsafeBufferPointer<UInt8>) -> [Gloss]
}

extension GlossReader {
    /// All glosses in `text`, in source order; ranges are UTF-8 offsets into `text`.
    package static func glosses(in text: String) -> [Gloss] {
        var copy = text
        return copy.withUTF8 { glosses(in: $0) }
    }

    /// All glosses in UTF-8 `bytes`, in source order; ranges are offsets into `bytes`.
    package static func glosses(in bytes: [UInt8]) -> [Gloss] {
        bytes.withUnsafeBufferPointer { glosses(in: $0) }
    }
}
