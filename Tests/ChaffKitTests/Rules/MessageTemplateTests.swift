import Testing

@testable import ChaffEngine

/// A message without placeholders renders as written; with them, each is filled in, `{match}`
/// from the matched text unless an argument gives it.
@Suite struct MessageTemplateTests {
    @Test func rendersFixedAndFilledMessages() throws {
        let fixed = try MessageTemplate("Space beside full-width punctuation", allowed: ["expected", "match"])
        #expect(fixed.render([:], match: "x") == "Space beside full-width punctuation")
        #expect(fixed.render(["expected": "，"], match: "x") == "Space beside full-width punctuation")
        let filled = try MessageTemplate("'{match}': use '{expected}' {expected}", allowed: ["expected", "match"])
        #expect(filled.render(["expected": "，"], match: ",") == "',': use '，' ，")
        #expect(filled.render([:], match: ",") == "',': use '' ")
        #expect(filled.render(["match": "given"], match: ",") == "'given': use '' ")
        let empty = try MessageTemplate("", allowed: [])
        #expect(empty.render([:], match: "x") == "")
    }
}
