import Storage
/// Placeholder until the MariaDB store lands.
public enum MariaDBStoreModule {}
