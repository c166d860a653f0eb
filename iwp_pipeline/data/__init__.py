"""Reference data shipped with the package: the 15 terms and the SGA/TWL table."""
