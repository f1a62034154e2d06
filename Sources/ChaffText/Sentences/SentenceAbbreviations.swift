/// The words before a full stop that decide whether an English `.` ends a sentence.
///
/// Consulted only at a `.` followed by white space, so the lookups are off the hot path. Words
/// are compared in ASCII lower case with their inner dots kept (`e.g`, `u.s`).
enum SentenceAbbreviations {
    /// How an abbreviation behaves before the next word.
    enum Behaviour {
        /// Never ends a sentence: `e.g.`, `vs.`, `et al.`, titles before a name (`Dr.`).
        case never
        /// Ends a sentence unless the next word starts with a digit: `No. 5`, `Fig. 3`, `p. 12`.
        case unlessNumberFollows
        /// Ends a sentence only before a word that usually starts one: `Inc.`, `etc.`, `U.S.`,
        /// and single capital initials (`J. K. Rowling` against `Plan B. The next…`).
        case onlyBeforeSentenceStarter
    }

    private static let never: Set<[UInt8]> = words(
        """
        mr mrs ms mssrs messrs dr prof rev hon gen col lt sgt capt cmdr adm gov sen rep pres supt mme mlle st mt ft
        e.g eg i.e cf vs viz al approx appr ca esp incl excl dept est fl op cit ibid loc ff seq ed eds trans orig
        dipl resp w.r.t c.f a.k.a aka
        """)

    private static let beforeNumber: Set<[UInt8]> = words(
        "no nos nr fig figs vol vols p pp ch chap sec sect art arts eq eqs ref refs tab para pt ver v vers ex n")

    private static let ambiguous: Set<[UInt8]> = words(
        "etc inc ltd co corp jr sr bros plc llc assn ave blvd rd jan feb mar apr jun jul aug sep sept oct nov dec")

    /// Lower-case words that commonly open an English sentence.
    static let sentenceStarters: Set<[UInt8]> = words(
        """
        the a an this that these those it its he she they we i you his her their our my your in on at for but and or
        so yet however then there here if when while as after before since although though because some many most
        what why how who where which meanwhile also still today now with by from to one no not all each every both
        such according despite during under over instead thus therefore moreover furthermore indeed later finally
        first second next unlike like other another even only just yes please let do does did is are was were can
        could will would should may might must more less few several experts studies research scientists
        researchers analysts critics sources data statistics people officials reports surveys polls insiders
        nobody everyone everybody someone anyone nothing something last recently overall again
        """)

    /// How `word` (lower case, inner dots kept, no final dot) behaves; `nil` for an ordinary word.
    static func behaviour(of word: [UInt8], originalFirstByte: UInt8) -> Behaviour? {
        if never.contains(word) { return .never }
        if beforeNumber.contains(word) { return .unlessNumberFollows }
        if ambiguous.contains(word) { return .onlyBeforeSentenceStarter }
        // A single capital is an initial; a dotted run of single letters is an initialism
        // (`U.S`, `a.m`, `Ph.D` is covered by the inner-dot test as well).
        if word.count == 1 && TextScalar.isASCIIUpper(originalFirstByte) { return .onlyBeforeSentenceStarter }
        if word.contains(UInt8(ascii: ".")) { return .onlyBeforeSentenceStarter }
        return nil
    }

    private static func words(_ list: String) -> Set<[UInt8]> {
        Set(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.utf8) })
    }
}
