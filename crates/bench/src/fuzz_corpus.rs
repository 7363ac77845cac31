//! `cadre-bench fuzz-corpus DIR [SEEDS_DIR]`: starting inputs for each fuzz target, so that a
//! ten-minute run explores the readers rather than their first check: the seeds in the
//! renderings each target reads (text encodings, .docx, PDF), the small hostile set, and for
//! `isolated` one input per kind of generated hostile file.

use cadre_renderings::{Rendering, hostile};

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let dir = std::path::PathBuf::from(
        args.first()
            .ok_or_else(|| anyhow::anyhow!("usage: cadre-bench fuzz-corpus DIR [SEEDS_DIR]"))?,
    );
    let seeds = cadre_renderings::accuracy::read_seeds(&crate::seeds_dir(args.get(1)))
        .map_err(anyhow::Error::msg)?;
    let targets: [(&str, &[Rendering]); 5] = [
        (
            "text",
            &[Rendering::Plain, Rendering::Windows1252, Rendering::Utf16],
        ),
        ("docx", &[Rendering::Docx]),
        ("pdf", &[Rendering::Pdf, Rendering::PdfSpacesLost]),
        ("segment", &[Rendering::SpacesRemoved]),
        ("minutes", &[Rendering::Plain, Rendering::SpacesRemoved]),
    ];
    let mut written = 0;
    for (target, renderings) in targets {
        let out = dir.join(target);
        std::fs::create_dir_all(&out)?;
        for seed in &seeds {
            for r in renderings {
                let (_, bytes) = r.render(&seed.stem, &seed.text);
                std::fs::write(out.join(format!("{}-{}", seed.stem, r.name())), bytes)?;
                written += 1;
            }
        }
        let extension = match target {
            "docx" => Some(".docx"),
            "pdf" => Some(".pdf"),
            _ => None,
        };
        if let Some(extension) = extension {
            for h in hostile::small_set()
                .into_iter()
                .filter(|h| h.name.ends_with(extension))
            {
                std::fs::write(out.join(&h.name), &h.bytes)?;
                written += 1;
            }
        }
    }
    let out = dir.join("isolated");
    std::fs::create_dir_all(&out)?;
    for kind in 0u8..9 {
        std::fs::write(
            out.join(format!("kind-{kind}")),
            [kind, 0, 64, b'(', b'x', b')'],
        )?;
        written += 1;
    }
    println!("{written} inputs written to {}", dir.display());
    Ok(())
}
