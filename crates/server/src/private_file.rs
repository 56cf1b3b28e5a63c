//! Files and folders that hold personal data (the SQLite database and its journals, exports) are for the account
//! that runs Voix alone: folders 0700, files 0600, whatever the umask, and also when they already existed with
//! wider permissions (an export written over an old file, a data folder made by hand).

use crate::error::Error;
use std::fs::File;
use std::path::Path;

/// Creates `dir` (and its parents) if needed, and leaves it readable by its owner only.
pub fn private_dir(dir: &Path) -> Result<(), Error> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|error| Error::io("create the data folder", dir, error))?;
    restrict(dir, 0o700)
}

/// Opens `path` for writing, emptied, readable by its owner only.
pub fn create_private(path: &Path) -> Result<File, Error> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path).map_err(|error| Error::io("create", path, error))?;
    restrict(path, 0o600)?;
    Ok(file)
}

/// Makes an existing `path` readable by its owner only (nothing happens when it does not exist).
pub fn restrict_if_present(path: &Path) -> Result<(), Error> {
    match path.try_exists() {
        Ok(true) => restrict(path, 0o600),
        Ok(false) => Ok(()),
        Err(error) => Err(Error::io("inspect", path, error)),
    }
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|error| Error::io("restrict the permissions of", path, error))
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> Result<(), Error> {
    Ok(())
}
