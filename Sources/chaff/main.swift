import ChaffCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// A closed pipe (`chaff … | head`) must end output quietly, not kill the process mid-write.
signal(SIGPIPE, SIG_IGN)
exit(ChaffCommandLine.run(Array(CommandLine.arguments.dropFirst())))
