//! Links the wasm with its relocations kept: `wasm-split` (scripts/wasm-bundle.sh) needs them to
//! cut the `#[lazy]` functions out into files of their own.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-cdylib=--emit-relocs");
    }
}
