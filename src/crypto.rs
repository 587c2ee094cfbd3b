//! Encryption at rest in the age format (<https://age-encryption.org/v1>), through the `age`
//! crate: files open with the standard `age` tools too.
//!
//! One X25519 key per folder of saved interviews. Its secret half is kept in a file encrypted
//! with a passphrase (age's scrypt recipient): the slow, deliberate step happens once, when the
//! key is unlocked. Sessions and reports are encrypted to the public half, which costs
//! microseconds, so saving after every answer stays instant.

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;

use age::secrecy::{ExposeSecret, SecretString};

/// The scrypt work factor (log2 N) of the passphrase-encrypted key: the one `age -p` uses.
pub const WORK_FACTOR: u8 = 18;

/// The highest work factor accepted when unlocking, as the `age` tool accepts (a larger one
/// would let a crafted file take minutes and gigabytes).
pub const MAX_WORK_FACTOR: u8 = 22;

/// The first line of every age file.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// The prefix of an X25519 secret key in an identity file.
const SECRET_KEY_PREFIX: &str = "AGE-SECRET-KEY-1";

/// A passphrase file larger than this is not a passphrase.
const MAX_PASSPHRASE_FILE: u64 = 4096;

/// Errors of encryption and decryption. The messages never quote the content of a file.
#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    /// The passphrase does not open the key.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The passphrase is empty.
    #[error("the passphrase is empty")]
    EmptyPassphrase,
    /// The passphrase-encrypted key asks for more work than is accepted.
    #[error("the key asks for scrypt work factor {0}; at most {MAX_WORK_FACTOR} is accepted")]
    ExcessiveWork(u8),
    /// Encrypted to another key.
    #[error("encrypted to another key")]
    OtherKey,
    /// Not an age file, or a damaged or truncated one.
    #[error("damaged or truncated encrypted file ({0})")]
    Damaged(&'static str),
    /// The decrypted key file holds no X25519 secret key.
    #[error("no age secret key in the decrypted key file")]
    NotAKey,
    /// Encryption failed (only an I/O error of an in-memory buffer could cause it).
    #[error("encryption failed: {0}")]
    Encrypt(String),
    /// The passphrase file could not be read.
    #[error("cannot read the passphrase file `{path}`: {source}")]
    PassphraseFile {
        /// The file.
        path: String,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The passphrase file is too large to hold a passphrase.
    #[error("the passphrase file `{0}` is larger than {MAX_PASSPHRASE_FILE} bytes")]
    PassphraseFileTooLarge(String),
}

/// A passphrase, kept out of `Debug` output and wiped from memory when dropped.
pub struct Passphrase(SecretString);

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl Passphrase {
    /// A passphrase typed by a person.
    ///
    /// # Errors
    /// When it is empty.
    pub fn new(text: String) -> Result<Passphrase, CryptoError> {
        if text.is_empty() {
            return Err(CryptoError::EmptyPassphrase);
        }
        Ok(Passphrase(SecretString::from(text)))
    }

    /// The first line of a file (without its line ending), as `age` tools and password
    /// managers write it.
    ///
    /// # Errors
    /// When the file cannot be read, is too large, or holds an empty first line.
    pub fn from_file(path: &Path) -> Result<Passphrase, CryptoError> {
        let io = |source| CryptoError::PassphraseFile {
            path: path.display().to_string(),
            source,
        };
        let f = std::fs::File::open(path).map_err(io)?;
        let mut bytes = Vec::new();
        f.take(MAX_PASSPHRASE_FILE + 1)
            .read_to_end(&mut bytes)
            .map_err(io)?;
        if bytes.len() as u64 > MAX_PASSPHRASE_FILE {
            return Err(CryptoError::PassphraseFileTooLarge(
                path.display().to_string(),
            ));
        }
        let text = String::from_utf8(bytes).map_err(|_| {
            io(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "not UTF-8 text",
            ))
        })?;
        let line = text.split('\n').next().unwrap_or_default();
        let line = line.strip_suffix('\r').unwrap_or(line);
        Passphrase::new(line.to_owned())
    }
}

/// An X25519 key pair: encrypts to its public half, decrypts with its secret half.
#[derive(Clone)]
pub struct Key {
    identity: age::x25519::Identity,
    recipient: age::x25519::Recipient,
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Key({})", self.recipient)
    }
}

impl Key {
    /// A new random key.
    #[must_use]
    pub fn generate() -> Key {
        let identity = age::x25519::Identity::generate();
        let recipient = identity.to_public();
        Key {
            identity,
            recipient,
        }
    }

    /// The public half (`age1…`), to encrypt to with `age -r`.
    #[must_use]
    pub fn recipient(&self) -> String {
        self.recipient.to_string()
    }

    /// Encrypts `plaintext` to this key (an age file, binary).
    ///
    /// # Errors
    /// Only if the age library fails to write to memory.
    pub fn encrypt(&self, plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        age::encrypt(&self.recipient, plaintext).map_err(|e| CryptoError::Encrypt(e.to_string()))
    }

    /// Decrypts an age file encrypted to this key.
    ///
    /// # Errors
    /// When it is not an age file, is damaged or truncated, or is for another key.
    pub fn decrypt(&self, ciphertext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        if !is_age(ciphertext) {
            return Err(CryptoError::Damaged("not an age file"));
        }
        age::decrypt(&self.identity, ciphertext).map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => CryptoError::OtherKey,
            other => damaged(&other),
        })
    }

    /// The key file, as `age-keygen` writes it, encrypted with the passphrase (age's scrypt
    /// recipient, work factor [`WORK_FACTOR`]). `age -d` opens it with the passphrase.
    ///
    /// # Errors
    /// Only if the age library fails to write to memory.
    pub fn seal(&self, passphrase: &Passphrase, created: &str) -> Result<Vec<u8>, CryptoError> {
        let text = SecretString::from(format!(
            "# created: {created}\n# public key: {}\n{}\n",
            self.recipient,
            self.identity.to_string().expose_secret()
        ));
        let mut r = age::scrypt::Recipient::new(passphrase.0.clone());
        r.set_work_factor(WORK_FACTOR);
        age::encrypt(&r, text.expose_secret().as_bytes())
            .map_err(|e| CryptoError::Encrypt(e.to_string()))
    }

    /// Opens a key file sealed with [`Key::seal`] (or by `age -p` from an `age-keygen` file).
    ///
    /// # Errors
    /// A wrong passphrase, a damaged file, or a file that holds no key.
    pub fn unseal(sealed: &[u8], passphrase: &Passphrase) -> Result<Key, CryptoError> {
        if !is_age(sealed) {
            return Err(CryptoError::Damaged("not an age file"));
        }
        let mut id = age::scrypt::Identity::new(passphrase.0.clone());
        id.set_max_work_factor(MAX_WORK_FACTOR);
        let plain = age::decrypt(&id, sealed).map_err(|e| match e {
            // The scrypt stanza decrypts only with the right passphrase.
            age::DecryptError::DecryptionFailed => CryptoError::WrongPassphrase,
            age::DecryptError::ExcessiveWork { required, .. } => {
                CryptoError::ExcessiveWork(required)
            }
            // Not passphrase-encrypted (for instance, encrypted to a key).
            age::DecryptError::NoMatchingKeys => CryptoError::Damaged("not passphrase-encrypted"),
            other => damaged(&other),
        })?;
        let plain = SecretString::from(String::from_utf8(plain).map_err(|_| CryptoError::NotAKey)?);
        let line = plain
            .expose_secret()
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with(SECRET_KEY_PREFIX))
            .ok_or(CryptoError::NotAKey)?;
        let identity = age::x25519::Identity::from_str(line).map_err(|_| CryptoError::NotAKey)?;
        let recipient = identity.to_public();
        Ok(Key {
            identity,
            recipient,
        })
    }
}

/// Whether `bytes` start like an age file (binary, not armored).
#[must_use]
pub fn is_age(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

fn damaged(e: &age::DecryptError) -> CryptoError {
    CryptoError::Damaged(match e {
        age::DecryptError::InvalidHeader => "invalid header",
        age::DecryptError::InvalidMac => "invalid header MAC",
        age::DecryptError::UnknownFormat => "unknown age version",
        age::DecryptError::Io(_) => "truncated or altered content",
        _ => "cannot be decrypted",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass(s: &str) -> Passphrase {
        Passphrase::new(s.to_owned()).expect("not empty")
    }

    #[test]
    fn a_key_encrypts_and_decrypts_and_tampering_is_detected() {
        let key = Key::generate();
        let secret = b"{\"answers\": {\"employer_name\": \"Example LLP\"}}";
        let c = key.encrypt(secret).expect("encrypt");
        assert!(is_age(&c));
        assert!(!c.windows(11).any(|w| w == b"Example LLP"));
        assert_eq!(key.decrypt(&c).expect("decrypt"), secret);

        let truncated = &c[..c.len() - 5];
        assert!(matches!(
            key.decrypt(truncated),
            Err(CryptoError::Damaged(_))
        ));
        let mut flipped = c.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(matches!(
            key.decrypt(&flipped),
            Err(CryptoError::Damaged(_))
        ));
        assert!(matches!(
            Key::generate().decrypt(&c),
            Err(CryptoError::OtherKey)
        ));
        assert!(matches!(
            key.decrypt(b"{\"format\": 1}"),
            Err(CryptoError::Damaged("not an age file"))
        ));
    }

    #[test]
    fn a_sealed_key_opens_with_its_passphrase_only() {
        let key = Key::generate();
        let sealed = key
            .seal(&pass("correct horse"), "2026-11-24T10:00:00Z")
            .expect("seal");
        assert!(is_age(&sealed));
        let back = Key::unseal(&sealed, &pass("correct horse")).expect("unseal");
        assert_eq!(back.recipient(), key.recipient());
        assert!(matches!(
            Key::unseal(&sealed, &pass("wrong horse")),
            Err(CryptoError::WrongPassphrase)
        ));
        assert!(matches!(
            Key::unseal(&sealed[..40], &pass("correct horse")),
            Err(CryptoError::Damaged(_))
        ));
        // A file encrypted to a key is not a passphrase-encrypted key file.
        let other = key.encrypt(b"x").expect("encrypt");
        assert!(matches!(
            Key::unseal(&other, &pass("correct horse")),
            Err(CryptoError::Damaged(_))
        ));
    }

    #[test]
    fn passphrase_files_give_their_first_line() {
        let dir = tempfile::tempdir().expect("temp");
        let p = dir.path().join("p");
        for (content, ok) in [
            (&b"secret\n"[..], true),
            (b"secret\r\n", true),
            (b"secret", true),
            (b"\nsecret", false),
            (b"", false),
        ] {
            std::fs::write(&p, content).expect("write");
            let got = Passphrase::from_file(&p);
            assert_eq!(got.is_ok(), ok, "{content:?}");
            if let Ok(got) = got {
                assert_eq!(got.0.expose_secret(), "secret");
                assert_eq!(format!("{got:?}"), "Passphrase(…)");
            }
        }
        std::fs::write(&p, vec![b'a'; 5000]).expect("write");
        assert!(matches!(
            Passphrase::from_file(&p),
            Err(CryptoError::PassphraseFileTooLarge(_))
        ));
        assert!(Passphrase::from_file(&dir.path().join("missing")).is_err());
    }
}
