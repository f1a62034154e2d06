/// Simplified/Traditional Chinese variants from Unihan (kSimplifiedVariant,
/// kTraditionalVariant).
///
/// # Classification
/// `form(of:)` decides, for a character C of Script=Han, whether it occurs in Simplified text
/// and whether it occurs in Traditional text; both → `.shared`, one → that one only.
///
/// C occurs in Simplified text when any of these holds:
/// - it has a kTraditionalVariant other than itself (it is the simplification of something:
///   国 → 國);
/// - it has no kSimplifiedVariant (nothing simplifies it: 的);
/// - it lists itself as its own kSimplifiedVariant *and* the 2013 Table of General Standard
///   Chinese Characters (Unihan kTGH) includes it (乾 → 乾, 干; 著 → 着, 著);
/// - none of its Simplified variants other than itself is in the general table: 瑙 (多瑙河) and
///   驐 simplify only to rare Extension characters no Simplified writer uses, so Simplified text
///   has no standard form to replace them with.
///
/// C occurs in Traditional text, symmetrically, when it has a kSimplifiedVariant other than
/// itself, or has no kTraditionalVariant, or lists itself as its own kTraditionalVariant *and*
/// Big5 encodes it (Unihan kBigFive): 后 → 后, 後 and 台 → 台, 檯, 臺, 颱 are shared; or when
/// Big5 encodes none of its Traditional variants.
///
/// The evidence test on self-listings is this project's refinement. Unicode 15 lists 430
/// characters as their own variant, among them 这, 个, 时, 会, 对, 电: simplified forms that
/// happen to coincide with a rare classical character. Taken at face value they would all be
/// shared and a Traditional text full of 这 would look clean. Requiring the other system's
/// standard character set to contain them keeps the genuine mergers shared (后, 干, 台, 里,
/// 面, 只, 系, 复, 么, 著, 乾) and makes 这, 个, 时, 会, 对 Simplified-only, 復, 裡
/// Traditional-only.
///
/// Consequences worth knowing:
/// - 发 is Simplified-only: Unihan gives it 發 and 髮 and never itself.
/// - 苧 (traditional of 苎, simplified of 薴) is the only character with other-than-self
///   entries in both fields; it is shared.
/// - Characters Unihan does not pair are shared: 裏 (Unihan pairs 里 only with 裡), and
///   orthographic variants such as 峯/峰 or 羣/群 are not Simplified/Traditional pairs.
/// - Characters that Big5 encodes as rare classical characters stay shared (体, 机, 网, 价),
///   trading some misses in Traditional text for no false alarms.
///
/// Unicode 15.0 totals over the 12,552 characters with variant data: 3,714 Simplified-only,
/// 2,749 Traditional-only, 6,089 shared; most of the shared ones are rare characters whose
/// counterparts are rare too.
public enum HanVariants {
    /// The decoded form table; scanning loops should take it once and call its `form(of:)`.
    public static let formLookup: HanFormLookup = HanFormTableBuilder.build(tables)

    /// The form of a code point; one table read for Han, a range check for anything else.
    @inlinable @inline(__always)
    public static func form(of scalar: UInt32) -> HanForm {
        formLookup.form(of: scalar)
    }

    /// The kSimplifiedVariant targets of a character in Unihan order, possibly several
    /// (餘 → 余, 馀) and possibly the character itself (乾 → 乾, 干); empty when it has none.
    /// A binary search plus an array allocation: meant for building findings, not scanning.
    public static func simplified(of scalar: UInt32) -> [UInt32] {
        simplifiedMap.targets(of: scalar)
    }

    /// The kTraditionalVariant targets of a character in Unihan order (发 → 發, 髮; 台 → 台, 檯,
    /// 臺, 颱); empty when it has none. Allocates, like `simplified(of:)`.
    public static func traditional(of scalar: UInt32) -> [UInt32] {
        traditionalMap.targets(of: scalar)
    }

    /// Whether `b` is among the kSimplifiedVariant or kTraditionalVariant targets of `a`:
    /// `simplified(of: a).contains(b) || traditional(of: a).contains(b)` without the arrays,
    /// for a test asked of every pair of characters around a finding.
    public static func isVariant(_ b: UInt32, of a: UInt32) -> Bool {
        simplifiedMap.hasTarget(b, of: a) || traditionalMap.hasTarget(b, of: a)
    }

    /// True when both maps find every code point where a binary search of their sources does;
    /// for tests of the flat index.
    static func indexAgreesWithSearch(_ scalar: UInt32) -> Bool {
        [simplifiedMap, traditionalMap].allSatisfy { $0.index(of: scalar) == $0.searchedIndex(of: scalar) }
    }

    /// The Simplified forms to suggest for a Traditional character: its kSimplifiedVariant
    /// targets other than itself, narrowed to those in the 2013 Table of General Standard
    /// Chinese Characters (kTGH) when at least one is. Unihan pairs 開 with 开 and with 𫔭, a
    /// rare form outside the standard, so 開 → [开]; 鍾 → [钟, 锺] stays a real choice.
    public static func simplifiedSuggestions(for scalar: UInt32) -> [UInt32] {
        suggestions(simplifiedMap, scalar, generalStandard)
    }

    /// The Traditional forms to suggest for a Simplified character: its kTraditionalVariant
    /// targets other than itself, narrowed to those Big5 encodes (kBigFive) when at least one
    /// is: 伪 → [偽] (not 僞); 发 → [發, 髮] stays a real choice.
    public static func traditionalSuggestions(for scalar: UInt32) -> [UInt32] {
        suggestions(traditionalMap, scalar, bigFive)
    }

    /// The targets of `scalar` in `map` other than itself, narrowed to `standard`. Most
    /// characters have one target: it is returned without the arrays that filtering and
    /// narrowing build (a text that mixes scripts asks for every finding).
    private static func suggestions(_ map: VariantMap, _ scalar: UInt32, _ standard: [UInt32]) -> [UInt32] {
        let targets = map.targetSlice(of: scalar)
        if targets.count == 1, let only = targets.first { return only == scalar ? [] : [only] }
        return narrowed(targets.filter { $0 != scalar }, to: standard)
    }

    private static func narrowed(_ targets: [UInt32], to standard: [UInt32]) -> [UInt32] {
        guard targets.count > 1 else { return targets }
        let inStandard = targets.filter { target in
            var low = 0
            var high = standard.count
            while low < high {
                let middle = (low + high) >> 1
                if standard[middle] < target { low = middle + 1 } else { high = middle }
            }
            return low < standard.count && standard[low] == target
        }
        return inStandard.isEmpty ? targets : inStandard
    }

    /// Every code point that has a kSimplifiedVariant, ascending.
    public static var charactersWithSimplifiedVariants: [UInt32] { simplifiedMap.sources }

    /// Every code point that has a kTraditionalVariant, ascending.
    public static var charactersWithTraditionalVariants: [UInt32] { traditionalMap.sources }

    // Each table decoded on its own first use: a finding needs only one direction's map and
    // character set.
    private static let simplifiedMap = VariantMap(
        sources: HanVariantData.simplifiedSources, starts: HanVariantData.simplifiedStarts,
        targets: HanVariantData.simplifiedTargets)
    private static let traditionalMap = VariantMap(
        sources: HanVariantData.traditionalSources, starts: HanVariantData.traditionalStarts,
        targets: HanVariantData.traditionalTargets)
    private static let bigFive = HanVariantData.inBigFive
    private static let generalStandard = HanVariantData.inGeneralStandard
    private static var tables: HanVariantTables {
        HanVariantTables(
            simplified: simplifiedMap, traditional: traditionalMap, bigFive: bigFive, generalStandard: generalStandard)
    }
}

/// One Unihan variant field as sorted sources with offsets into a flat target array.
private struct VariantMap: Sendable {
    let sources: [UInt32]
    private let offsets: [Int32]
    private let flatTargets: [UInt32]
    /// For each code point of the common ideograph blocks (`flatRange`), its index in
    /// `sources`, or -1: the mixed-script rule asks about every pair of characters around a
    /// finding, mostly characters without variants, and a binary search of each map for each
    /// was most of that test.
    private let flatIndex: ImmortalBuffer<Int32>
    private static let flatRange: Range<UInt32> = 0x3400..<0xA000

    /// The generated arrays as they are (`HanVariantData`): only the index is built.
    init(sources: [UInt32], starts: [Int32], targets: [UInt32]) {
        precondition(starts.count == sources.count + 1 && Int(starts.last ?? -1) == targets.count, "malformed Unihan variant table")
        self.sources = sources
        self.offsets = starts
        self.flatTargets = targets
        self.flatIndex = ImmortalBuffer(repeating: -1, count: Self.flatRange.count) { flat in
            for (index, source) in sources.enumerated() where Self.flatRange.contains(source) {
                flat[Int(source - Self.flatRange.lowerBound)] = Int32(index)
            }
        }
    }

    func targets(of scalar: UInt32) -> [UInt32] {
        Array(targetSlice(of: scalar))
    }

    /// `targets(of:)` as a slice of the map's storage: no array is built.
    func targetSlice(of scalar: UInt32) -> ArraySlice<UInt32> {
        guard let index = index(of: scalar) else { return [] }
        return flatTargets[Int(offsets[index])..<Int(offsets[index + 1])]
    }

    /// Whether `target` is among the targets of `scalar`.
    func hasTarget(_ target: UInt32, of scalar: UInt32) -> Bool {
        guard let index = index(of: scalar) else { return false }
        return flatTargets[Int(offsets[index])..<Int(offsets[index + 1])].contains(target)
    }

    func index(of scalar: UInt32) -> Int? {
        if Self.flatRange.contains(scalar) {
            let index = flatIndex[Int(scalar &- Self.flatRange.lowerBound)]
            return index < 0 ? nil : Int(index)
        }
        return searchedIndex(of: scalar)
    }

    /// `index(of:)` by a binary search of `sources`, for any code point.
    func searchedIndex(of scalar: UInt32) -> Int? {
        var low = 0
        var high = sources.count
        while low < high {
            let middle = (low + high) >> 1
            if sources[middle] < scalar { low = middle + 1 } else { high = middle }
        }
        return low < sources.count && sources[low] == scalar ? low : nil
    }
}

/// The decoded variant maps and character sets, for deriving the form table.
private struct HanVariantTables: Sendable {
    let simplified: VariantMap
    let traditional: VariantMap
    /// Characters Big5 encodes, ascending.
    let bigFive: [UInt32]
    /// Characters of the 2013 Table of General Standard Chinese Characters, ascending.
    let generalStandard: [UInt32]
}

/// Derives the two-bit `HanForm` per code point of the Han span from the variant maps.
private enum HanFormTableBuilder {
    static func build(_ tables: HanVariantTables) -> HanFormLookup {
        let simplified = tables.simplified, traditional = tables.traditional
        let bigFive = Set(tables.bigFive)
        let generalStandard = Set(tables.generalStandard)

        let hanRuns = ScriptTable.scriptRuns.filter { $0.script == .han }.map(\.range)
        let base = hanRuns.first!.lowerBound
        let end = hanRuns.last!.upperBound
        var packed = [UInt8](repeating: 0, count: Int(end - base + 3) / 4)
        func set(_ codePoint: UInt32, _ form: HanForm) {
            let offset = Int(codePoint - base)
            let shift = (offset & 3) << 1
            packed[offset >> 2] = packed[offset >> 2] & ~(3 << shift) | (form.rawValue << shift)
        }
        for run in hanRuns {
            for codePoint in run { set(codePoint, .shared) }
        }
        for codePoint in Set(simplified.sources).union(traditional.sources)
        where ScriptTable.script(of: codePoint) == .han {
            let toSimplified = simplified.targets(of: codePoint)
            let toTraditional = traditional.targets(of: codePoint)
            // One system's only when the other has a standard form for it (see the type's
            // documentation): 瑙 (多瑙河) simplifies only to 𰡻, outside the general table.
            let inSimplified =
                toTraditional.contains { $0 != codePoint } || toSimplified.isEmpty
                || (toSimplified.contains(codePoint) && generalStandard.contains(codePoint))
                || !toSimplified.contains { $0 != codePoint && generalStandard.contains($0) }
            let inTraditional =
                toSimplified.contains { $0 != codePoint } || toTraditional.isEmpty
                || (toTraditional.contains(codePoint) && bigFive.contains(codePoint))
                || !toTraditional.contains { $0 != codePoint && bigFive.contains($0) }
            switch (inSimplified, inTraditional) {
            case (true, false): set(codePoint, .simplifiedOnly)
            case (false, true): set(codePoint, .traditionalOnly)
            // (false, false) needs a character listed only as its own variant in both fields
            // and in neither character set; Unicode 15 has none. Shared is the safe reading.
            default: set(codePoint, .shared)
            }
        }
        return HanFormLookup(base: base, count: end - base, forms: ImmortalBuffer(packed))
    }
}

/// The `HanForm` of every code point from the first to the last Han one, two bits each; cheap
/// to copy into a scanning loop.
@frozen
public struct HanFormLookup: Sendable {
    /// First code point covered.
    @usableFromInline let base: UInt32
    /// Number of code points covered.
    @usableFromInline let count: UInt32
    /// Four `HanForm` raw values per byte, lowest bits first.
    @usableFromInline let forms: ImmortalBuffer<UInt8>

    init(base: UInt32, count: UInt32, forms: ImmortalBuffer<UInt8>) {
        self.base = base
        self.count = count
        self.forms = forms
    }

    /// The form of a code point; see `HanVariants` for the classification.
    @inlinable @inline(__always)
    public func form(of scalar: UInt32) -> HanForm {
        let offset = scalar &- base
        guard offset < count else { return .notHan }
        switch (forms[Int(offset >> 2)] >> ((offset & 3) << 1)) & 3 {
        case 0: return .notHan
        case 1: return .shared
        case 2: return .simplifiedOnly
        default: return .traditionalOnly
        }
    }
}
