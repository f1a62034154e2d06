public enum BuiltinRules { public static let files: [(name: String, text: String)] = [] }
