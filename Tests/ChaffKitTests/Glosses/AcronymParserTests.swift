import Testing

@testable import ChaffKinds

/// Acronyms with their expansions, with byte offsets, and the texts that are not expansions.
@Suite struct AcronymParserTests {
    struct Summary: Equatable, CustomStringConvertible {
        var acronym: String
        var acronymRange: Range<Int>
        var language: AcronymExpansion.Language
        var form: AcronymExpansion.Form
        var range: Range<Int>
        var text: String
        var normalized: String
        var description: String { "\(acronym)@\(acronymRange) \(language) \(form) \(range) '\(text)' '\(normalized)'" }
    }

    static func summaries(_ text: String) -> [Summary] {
        AcronymParser.expansions(in: text).map {
            Summary(
                acronym: $0.acronym, acronymRange: $0.acronymRange, language: $0.language, form: $0.form,
                range: $0.range, text: $0.text, normalized: $0.normalized)
        }
    }

    @Test func acronymFirstLatin() {
        #expect(
            Self.summaries("AGI (Artificial General Intelligence) is") == [
                Summary(
                    acronym: "AGI", acronymRange: 0..<3, language: .latin, form: .acronymFirst, range: 5..<36,
                    text: "Artificial General Intelligence", normalized: "artificial general intelligence")
            ])
        // The comparison key leaves function words out: "top of the stack" and "top-of-stack" agree.
        #expect(
            Self.summaries("P2P (Peer-to-Peer)").map(\.normalized) == ["peer peer"])
        #expect(Self.summaries("P2P (Peer-to-Peer)").map(\.text) == ["Peer-to-Peer"])
        #expect(Self.summaries("讲到AI(artificial intelligence)时").map(\.range) == [9..<32])
        // A plural s is not a different expansion; a double s is no plural.
        #expect(Self.summaries("CPU (Central Processing Units)").map(\.normalized) == ["central processing unit"])
        #expect(Self.summaries("BA (Business Administration)").map(\.normalized) == ["business administration"])
    }

    @Test func acronymFirstWithSeveralLanguages() {
        let text = "伴随着AGI(Artificial General Intelligence,通用人工智能)的发展"
        #expect(
            Self.summaries(text) == [
                Summary(
                    acronym: "AGI", acronymRange: 9..<12, language: .latin, form: .acronymFirst, range: 13..<44,
                    text: "Artificial General Intelligence", normalized: "artificial general intelligence"),
                Summary(
                    acronym: "AGI", acronymRange: 9..<12, language: .han, form: .acronymFirst, range: 45..<63,
                    text: "通用人工智能", normalized: "通用人工智能"),
            ])
        #expect(Self.summaries("AI（人工智能，Artificial Intelligence）").map(\.language) == [.han, .latin])
    }

    @Test func hanExpansions() {
        // Glosses inside are skipped; Traditional forms are normalised.
        let glossed = Self.summaries("API(应用程序編(bian)程接(jie)口(kou))")
        #expect(glossed.map(\.text) == ["应用程序編程接口"])
        #expect(glossed.map(\.normalized) == ["应用程序编程接口"])
        #expect(glossed.map(\.range) == [4..<39])
        #expect(Self.summaries("API（應用程序介面）").map(\.normalized) == ["应用程序介面"])
        #expect(Self.summaries("API（即应用程序接口）").map(\.normalized) == ["应用程序接口"])
        #expect(Self.summaries("CEO（首席 执行官）").map(\.normalized) == ["首席执行官"])
    }

    @Test func expansionFirst() {
        #expect(
            Self.summaries("The Application Programming Interface (API) is") == [
                Summary(
                    acronym: "API", acronymRange: 39..<42, language: .latin, form: .expansionFirst, range: 4..<37,
                    text: "Application Programming Interface", normalized: "application programming interface")
            ])
        // Hard-wrapped text.
        #expect(
            Self.summaries("The Hypertext Transfer\nProtocol (HTTP) is").map(\.text) == ["Hypertext Transfer Protocol"])
        #expect(Self.summaries("the National Aeronautics and Space Administration (NASA)").map(\.range) == [4..<49])
        // The acronym alone may have spaces around it, in either width of parenthesis; a line
        // break, a nested parenthesis or another word inside rules it out, and so does a
        // parenthesis closed past the longest content read.
        let spaced = "the Application Programming Interface (  API ) is"
        #expect(Self.summaries(spaced).map(\.acronymRange) == [41..<44])
        #expect(Self.summaries("Application Programming Interface（API）").map(\.range) == [0..<33])
        for text in [
            "Application Programming Interface (API\n)", "Application Programming Interface (API (x))",
            "Application Programming Interface (AP I)", "Application Programming Interface (API, see below)",
            "Application Programming Interface (API" + String(repeating: " ", count: 240) + ")",
        ] {
            #expect(Self.summaries(text) == [], "\(text)")
        }
        #expect(Self.summaries("Application Programming Interface (API" + String(repeating: " ", count: 236) + ")").count == 1)
        // A Han expansion before the parenthesis has no visible start, so it is not read.
        #expect(Self.summaries("我们使用应用程序接口（API）") == [])
    }

    @Test func notExpansions() {
        for text in [
            "AI（2023）", "(see API docs)", "API (see docs)", "GPU(大模型计算的主流算力)", "API（见下文）",
            "API（详见附录）", "API（比如接口）", "GPT-4 (Generative Pre-trained Transformer 4)",
            "myAPI (Application Programming Interface)", "file.API (Application Programming Interface)",
            "A (Apple)", "H100 (Hopper)", "ABCDEFGHIJK (Alpha Beta)", "AGI (Analysing)", "Ai (Artificial intelligence)",
            "API  (Application Programming Interface)", "API\n(Application Programming Interface)",
            "API (Application Interface Programming)", "a long way (API)", "API（人工智能的接口）",
            "API (Application Programming Interface", "API（应用程序接口", "AI（人工智能是一门学科）",
        ] {
            #expect(Self.summaries(text) == [], "\(text)")
        }
    }

    @Test(arguments: [
        ("HTTP", "Hypertext Transfer Protocol"), ("JSON", "JavaScript Object Notation"),
        ("NASA", "National Aeronautics and Space Administration"), ("P2P", "Peer to Peer"),
        ("TOEFL", "Test of English as a Foreign Language"), ("B2B", "Business to Business"), ("B4B", "Business for Business"),
        ("G7", "Group of Seven"), ("PBOC", "People's Bank of China"), ("AI", "artificial intelligence"),
        ("3GPP", "3 Generation Partnership Project"),
    ])
    func initialsMatch(acronym: String, expansion: String) {
        let words = expansion.split(separator: " ").map { Array($0.utf8) }
        #expect(AcronymInitials.matches(Array(acronym.utf8), words: words))
    }

    @Test(arguments: [
        ("AGI", "Advanced Graphics"), ("API", "Application Interface Programming"), ("AGI", "Analysing"),
        ("AI", "Intelligence Artificial"), ("B2B", "Business Business"), ("USA", "the United States"),
        ("HTTP", "Hypertext Transfer Protocol Secure"),
    ])
    func initialsDoNotMatch(acronym: String, expansion: String) {
        let words = expansion.split(separator: " ").map { Array($0.utf8) }
        #expect(!AcronymInitials.matches(Array(acronym.utf8), words: words))
    }

    @Test func conflicts() {
        let text = """
            AGI (Artificial General Intelligence), AGI（通用人工智能）, AGI (artificial general-intelligence),
            AGI (Artificial Generative Intelligence), AGI（通用人工智慧）, AGI (Artificial Generative Intelligence)
            """
        let found = AcronymConflicts.conflicts(in: AcronymParser.expansions(in: text))
        #expect(found.map(\.expansion.text) == ["Artificial Generative Intelligence", "通用人工智慧", "Artificial Generative Intelligence"])
        #expect(found.map(\.first.text) == ["Artificial General Intelligence", "通用人工智能", "Artificial General Intelligence"])
        #expect(found.map(\.expansion.range.lowerBound) == [112, 155, 183])
    }
}
