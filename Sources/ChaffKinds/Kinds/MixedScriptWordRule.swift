import ChaffData
import ChaffEngine
import ChaffText

/// `kind: mixed-script-word` — words whose letters come from scripts that do not belong
/// together (UTS #39 mixed-script detection): `pаypal` with a Cyrillic а.
///
/// `MixedScriptWords` defines words and which ones are reported (URLs and e-mail addresses
/// are skipped; East Asian text splits words at script boundaries; mathematical Greek such
/// as `5μm` passes). One finding per word. Its range is the word's first odd character, so a
/// jump from the report puts the cursor on the look-alike letter, which nothing else in the
/// editor tells apart; the message quotes the whole word and lists every odd character.
///
/// Message arguments: `word`, `script` (the dominant script, e.g. `Latin`), `others` (the
/// scripts of the odd characters: `Cyrillic`, `Cyrillic and Greek`) and `characters` (each
/// distinct odd character as `U+0430 CYRILLIC SMALL LETTER A`, comma-separated, in text
/// order). No options.
package struct MixedScriptWordRule: RuleKind {
    package static let kindName = "mixed-script-word"
    package static let messageArguments = ["word", "script", "others", "characters"]

    package init(options: inout ObjectReader) throws(ObjectReader.Failure) {}

    package func check(_ context: CheckContext, report: (Finding) -> Void) {
        let bytes = context.bytes(for: context.scope)
        bytes.withUnsafeBufferPointer { text in
            for word in MixedScriptWords.find(in: text) {
                report(Self.finding(word, in: text))
            }
        }
    }

    private static func finding(
        _ word: MixedScriptWordFinding, in text: UnsafeBufferPointer<UInt8>
    ) -> Finding {
        var scripts: [UnicodeScript] = []
        var characters: [UInt32] = []
        for odd in word.oddCharacters {
            if !scripts.contains(odd.script) { scripts.append(odd.script) }
            if !characters.contains(odd.scalar) { characters.append(odd.scalar) }
        }
        let names = scripts.map(displayName)
        let others =
            names.count <= 1
            ? names.joined()
            : names.dropLast().joined(separator: ", ") + " and " + names.last!
        return Finding(
            range: word.oddCharacters.first?.range ?? word.range,
            arguments: [
                "word": String(decoding: UnsafeBufferPointer(rebasing: text[word.range]), as: UTF8.self),
                "script": displayName(word.dominantScript),
                "others": others,
                "characters": characters.map(ScalarDescription.describe).joined(separator: ", "),
            ])
    }

    /// `Old Italic` for `Old_Italic`.
    private static func displayName(_ script: UnicodeScript) -> String {
        String(script.name.map { $0 == "_" ? " " : $0 })
    }
}
