import ChaffCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

exit(ChaffCommandLine.run(Array(CommandLine.arguments.dropFirst())))
