//! `cadre user …`: accounts from the command line (the first administrator is created here).
//! Passwords are read from standard input, never from arguments (which other users of the
//! machine can see in the process list).

use std::io::{BufRead, IsTerminal};
use std::process::ExitCode;

use anyhow::Context;
use cadre_domain::account::{NewAccount, Role, Username, check_new_password};
use cadre_domain::{Actor, OrganisationId};
use cadre_services::sign_in::hash_password;
use cadre_storage::{StorageError, Store};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum UserCommand {
    /// Create an account; its password is read from standard input.
    Add {
        #[arg(long)]
        username: String,
        /// administrator, secretariat, regional_focal_point, partner_editor or internal_reader.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// A partner editor's organisation: its id (see /organisations) or its name or acronym.
        #[arg(long)]
        organisation: Option<String>,
        /// A regional focal point's region (Agadez, Diffa, Dosso, Maradi, Niamey, Tahoua,
        /// Tillabéri, Zinder).
        #[arg(long)]
        region: Option<String>,
    },
    /// List accounts.
    List,
    /// Disable an account (its sessions end at once); `--enable` re-enables it.
    Disable {
        username: String,
        #[arg(long)]
        enable: bool,
    },
    /// Set an account's password, read from standard input; its sessions end.
    SetPassword { username: String },
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s.trim()).ok_or_else(|| {
        let all: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
        format!("unknown role {s:?}: one of {}", all.join(", "))
    })
}

/// Who ran the command, for the audit log.
pub fn actor() -> Actor {
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .unwrap_or_else(|_| "unknown".to_owned());
    Actor::command_line(&user)
}

/// The password on the first line of standard input (prompting on a terminal).
fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprint!("Password (shown as typed; pipe it to hide it): ");
    }
    let mut line = String::new();
    stdin
        .lock()
        .read_line(&mut line)
        .context("cannot read the password from standard input")?;
    let password = line.trim_end_matches(['\n', '\r']).to_owned();
    if password.is_empty() {
        anyhow::bail!("no password on standard input");
    }
    Ok(password)
}

async fn organisation(db: &Store, given: &str) -> anyhow::Result<OrganisationId> {
    if let Ok(id) = given.trim().parse::<i64>() {
        return match db.organisations().get(OrganisationId::new(id)).await? {
            Some(o) => Ok(o.id),
            None => anyhow::bail!("no organisation with id {id}"),
        };
    }
    let key = cadre_domain::text::match_key(given);
    let matches: Vec<_> = db
        .organisations()
        .list(cadre_domain::Audience::Internal)
        .await?
        .into_iter()
        .filter(|o| {
            let o = &o.organisation;
            cadre_domain::text::match_key(&o.name) == key
                || o.acronym.as_deref().map(cadre_domain::text::match_key) == Some(key.clone())
                || o.aliases
                    .iter()
                    .any(|a| cadre_domain::text::match_key(a) == key)
        })
        .collect();
    match matches.as_slice() {
        [one] => Ok(one.organisation.id),
        [] => anyhow::bail!("no organisation named {given:?} (give its id, see /organisations)"),
        many => anyhow::bail!(
            "{given:?} names {} organisations (ids {}): give the id",
            many.len(),
            many.iter()
                .map(|o| o.organisation.id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

pub async fn run(db: Store, command: UserCommand) -> anyhow::Result<ExitCode> {
    let now = chrono::Utc::now();
    match command {
        UserCommand::Add {
            username,
            role,
            organisation: org,
            region,
        } => {
            let username = Username::parse(&username)?;
            let org = match org {
                Some(o) => Some(organisation(&db, &o).await?),
                None => None,
            };
            let new = NewAccount::new(username, role, org, region.as_deref())?;
            let password = read_password()?;
            check_new_password(&password, &new.username)?;
            let hash = hash_password(&password).await?;
            match db.accounts().add(&new, &hash, &actor(), now).await {
                Ok(account) => {
                    println!(
                        "account {} created ({}, id {})",
                        account.username,
                        account.role.as_str(),
                        account.id
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(StorageError::Duplicate(why)) => {
                    eprintln!("{why}");
                    Ok(ExitCode::FAILURE)
                }
                Err(e) => Err(e.into()),
            }
        }
        UserCommand::List => {
            let accounts = db.accounts().list().await?;
            println!("username\trole\torganisation\tregion\tstate");
            for a in accounts {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    a.username,
                    a.role.as_str(),
                    a.organisation.map(|o| o.to_string()).unwrap_or_default(),
                    a.region.unwrap_or_default(),
                    if a.disabled { "disabled" } else { "active" }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Disable { username, enable } => {
            let username = Username::parse(&username)?;
            let Some(account) = db.accounts().by_username(&username).await? else {
                eprintln!("no account named {username}");
                return Ok(ExitCode::FAILURE);
            };
            match db
                .accounts()
                .set_disabled(account.id, !enable, account.version, &actor(), now)
                .await
            {
                Ok(a) => {
                    let state = if a.disabled { "disabled" } else { "enabled" };
                    println!("account {} {state}", a.username);
                    Ok(ExitCode::SUCCESS)
                }
                Err(StorageError::Refused(why)) => {
                    eprintln!("account {username} not disabled: {why}");
                    Ok(ExitCode::FAILURE)
                }
                Err(e) => Err(e.into()),
            }
        }
        UserCommand::SetPassword { username } => {
            let username = Username::parse(&username)?;
            let Some(account) = db.accounts().by_username(&username).await? else {
                eprintln!("no account named {username}");
                return Ok(ExitCode::FAILURE);
            };
            let password = read_password()?;
            check_new_password(&password, &username)?;
            let hash = hash_password(&password).await?;
            db.accounts()
                .set_password(account.id, &hash, &actor(), now)
                .await?;
            println!("password of {username} changed; its sessions are closed");
            Ok(ExitCode::SUCCESS)
        }
    }
}
