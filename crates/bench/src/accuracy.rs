//! Field-level accuracy of the reader on the shared seeds in every rendering (target 100 %).

pub fn run(_args: &[String]) -> anyhow::Result<()> {
    anyhow::bail!("not written yet")
}
