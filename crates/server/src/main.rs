//! `voix`: see `voix --help`.

fn main() -> std::process::ExitCode {
    voix_server::cli::main()
}
