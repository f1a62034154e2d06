/// The class of every BMP code point for counting Simplified and Traditional characters, built
/// by `Scripts/generate-unicode-tables.py` from Scripts.txt and the Unihan variant data.
///
/// It used to be derived at run time from `HanVariants` and the script table, which cost more
/// than the rest of a one-file check; generated, it costs nothing to load.
public enum HanScriptClassTable {
    /// One ASCII digit per BMP code point, U+0000 first; `byte & 7` is the class: 0 other, then
    /// the `HanForm` raw values (1 shared, 2 Simplified only, 3 Traditional only), 4 Hiragana or
    /// Katakana, 5 Hangul. The bytes live in the binary and are never freed.
    public static var digits: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: HanScriptClassData.digits.utf8Start, count: HanScriptClassData.digits.utf8CodeUnitCount)
    }
}
