//! `cadre-bench hostile DIR`: the hostile documents of the security review, at full size,
//! written into DIR for `bench/hostile.sh` to import one by one and as a batch.

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let dir = std::path::PathBuf::from(
        args.first()
            .ok_or_else(|| anyhow::anyhow!("usage: cadre-bench hostile DIR"))?,
    );
    std::fs::create_dir_all(&dir)?;
    for h in cadre_renderings::hostile::full_set() {
        std::fs::write(dir.join(&h.name), &h.bytes)?;
        println!("{}\t{}\t{}", h.name, h.bytes.len(), h.attack);
    }
    Ok(())
}
