public enum ChaffDataInfo { public static let placeholder = 0 }
