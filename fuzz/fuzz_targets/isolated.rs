//! Generated hostile PDFs and .docx (cadre_renderings::hostile, shaped by the fuzzer's bytes)
//! read through the isolated reader, as `cadre import` reads them: the importer must survive
//! every one, and the reader must refuse each with its own message rather than die, run out of
//! memory or time. The worker is this very binary, started with CADRE_FUZZ_WORKER=1.
#![no_main]

use std::sync::Mutex;
use std::time::Duration;

use cadre_ingest::isolated::{IsolatedReader, Limits, ReadFailure, Setup, WorkerCommand};
use libfuzzer_sys::fuzz_target;

static READER: Mutex<Option<IsolatedReader>> = Mutex::new(None);

fuzz_target!(
    init: {
        if std::env::var_os("CADRE_FUZZ_WORKER").is_some() {
            // The child: serve requests until the fuzzer closes our input, then leave before
            // libFuzzer starts a fuzzing loop of its own. It runs as `cadre`'s worker does,
            // with the default panic hook: libFuzzer's would abort on the parser panics the
            // reader catches and turns into a refusal.
            drop(std::panic::take_hook());
            let served = cadre_ingest::isolated::serve_worker(
                std::io::stdin().lock(),
                std::io::stdout().lock(),
            );
            std::process::exit(if served.is_ok() { 0 } else { 1 });
        }
        let abort = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| abort(info)));
        let mut command = WorkerCommand::current_exe(&[]).expect("own executable");
        command.env.push(("CADRE_FUZZ_WORKER".into(), "1".into()));
        let limits = Limits {
            time: Duration::from_secs(30),
            ..Limits::default()
        };
        *READER.lock().unwrap() = Some(IsolatedReader::new(command, Setup::default(), limits));
    },
    |data: &[u8]| {
        let hostile = cadre_renderings::hostile::from_fuzz(data);
        let mut reader = READER.lock().unwrap();
        let reader = reader.as_mut().expect("initialised");
        match reader.read_document(&hostile.name, &hostile.bytes) {
            Ok(_) | Err(ReadFailure::Refused(_)) => {}
            Err(failure) => panic!("{} ({}): {failure}", hostile.name, hostile.attack),
        }
    }
);
