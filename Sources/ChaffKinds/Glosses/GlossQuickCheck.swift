import ChaffData
import ChaffText

extension GlossChecker {
    /// False when no finding is possible for the gloss, decided from character readings alone,
    /// so callers can skip the dictionary-word search of `check` (most glossed characters of
    /// running text have a single reading).
    ///
    /// A syllable cannot be wrong when every reading of its character has that syllable, the
    /// character has at most one full tone, and the gloss's tone is unknown, neutral, one of
    /// the character's tones, or on 一/不. Word readings are part of the character readings
    /// (see `PinyinReadings`), so no word can then decide another syllable or tone.
    package static func mayFind(_ gloss: Gloss) -> Bool {
        withUnsafePointer(to: gloss) { mayFind(UnsafeBufferPointer(start: $0, count: 1), 0) { isSettled($0, on: $1) } }
    }

    /// `mayFind` for every gloss of a document, in order. A glossed page glosses the same
    /// characters with the same syllables again and again (的(de), 是(shi)), and whether a
    /// syllable is settled on a character depends on nothing else: each pair is decided once.
    static func mayFind(_ glosses: [Gloss]) -> [Bool] {
        var settled = SettledSyllables()
        return glosses.withUnsafeBufferPointer { glosses in
            glosses.indices.map { n in mayFind(glosses, n) { settled.isSettled($0, on: $1) } }
        }
    }

    /// `mayFind` of `glosses[n]`, asking `isSettled(syllable, character)` of each syllable. The
    /// gloss is read in place: passed by value, each was copied (its store retained).
    @inline(__always)
    private static func mayFind(_ glosses: UnsafeBufferPointer<Gloss>, _ n: Int, isSettled: (PinyinSyllable, UInt32) -> Bool) -> Bool {
        if glosses[n].repeatsAGloss { return true }
        return (0..<glosses[n].syllableCount).contains { !isSettled(glosses[n].syllable($0), glosses[n].baseScalar($0)) }
    }

    /// Whether `syllable` cannot be wrong on the character `scalar` (see `mayFind`).
    static func isSettled(_ syllable: PinyinSyllable, on scalar: UInt32) -> Bool {
        // The readings of the character's forms (`readingsOf`) are read from the table in
        // place rather than gathered into a list for every gloss. A reading two forms share
        // is asked about twice, which changes no answer of `isSettled`'s predicate.
        let simplified = PinyinHanNormalization.simplified(scalar)
        let alternative = PinyinHanNormalization.alternative(scalar)
        return isSettled(syllable, scalar) { predicate in
            PinyinReadings.allReadings(of: scalar, satisfy: predicate)
                && (simplified == scalar || PinyinReadings.allReadings(of: simplified, satisfy: predicate))
                && (alternative.map { $0 == scalar || PinyinReadings.allReadings(of: $0, satisfy: predicate) } ?? true)
        }
    }

    /// True when `scalar` has one toneless reading and at most one full tone (any number for 一
    /// and 不, whose tones are never compared): two glosses of it can only disagree if one of
    /// them is no reading or a wrong tone.
    package static func hasSingleReading(_ scalar: UInt32) -> Bool {
        hasSingleReading(scalar, readings: readingsOf(scalar))
    }

    /// `hasSingleReading(scalar)` given the character's `readingsOf`.
    static func hasSingleReading(_ scalar: UInt32, readings: [PinyinSyllable]) -> Bool {
        guard let first = readings.first else { return true }
        let comparesTones = !sandhiCharacters.contains(scalar)
        var fullTone: UInt8? = nil
        for reading in readings {
            if reading.index != first.index { return false }
            if comparesTones && reading.hasFullTone {
                if let tone = fullTone, tone != reading.tone { return false }
                fullTone = reading.tone
            }
        }
        return true
    }

    /// Whether `syllable` cannot be wrong on `scalar` (see `mayFind`; true when it has no
    /// readings), given `allReadings`, which asks its predicate about each reading of the
    /// character up to the first it rejects and says whether all passed.
    private static func isSettled(
        _ syllable: PinyinSyllable, _ scalar: UInt32, _ allReadings: ((PinyinSyllable) -> Bool) -> Bool
    ) -> Bool {
        let comparesTones = !sandhiCharacters.contains(scalar)
        var fullTone: UInt8? = nil
        var hasTone = false
        var count = 0
        let single = allReadings { reading in
            count += 1
            guard reading.index == syllable.index else { return false }
            if comparesTones && reading.hasFullTone {
                if let tone = fullTone, tone != reading.tone { return false }
                fullTone = reading.tone
            }
            hasTone = hasTone || reading.tone == syllable.tone
            return true
        }
        if count == 0 { return true }
        guard single else { return false }
        return !syllable.hasFullTone || !comparesTones || hasTone
    }
}

/// `GlossChecker.isSettled(_:on:)` remembered for one document, by character and syllable
/// (its toneless index and its tone): slots of a plain hash (`HashSlots`) over arrays.
struct SettledSyllables {
    private var keys: [UInt64] = []
    private var hashes: [UInt64] = []
    private var answers: [Bool] = []
    private var slots = HashSlots(capacity: 512)

    mutating func isSettled(_ syllable: PinyinSyllable, on scalar: UInt32) -> Bool {
        let key = UInt64(scalar) << 24 | UInt64(syllable.index) << 8 | UInt64(syllable.tone)
        let hash = (key ^ (key >> 29)) &* 0xBF58_476D_1CE4_E5B9
        let (entry, slot) = slots.find(hash) { keys[$0] == key }
        if let entry { return answers[entry] }
        let answer = GlossChecker.isSettled(syllable, on: scalar)
        keys.append(key)
        hashes.append(hash)
        answers.append(answer)
        slots.insert(keys.count - 1, at: slot, hashes: hashes)
        return answer
    }
}
