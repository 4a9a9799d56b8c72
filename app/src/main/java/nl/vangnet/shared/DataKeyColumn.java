package nl.vangnet.shared;

/**
 * A column in which a module stores data keys wrapped by the master key. Each module that holds
 * encrypted text declares its columns as beans, so rotating the master key ({@link
 * MasterKeyRotation}) finds every wrapped key without knowing the modules' tables itself.
 *
 * @param table schema-qualified table, e.g. {@code intake.help_request}
 * @param idColumn its primary key, a UUID
 * @param column the column holding the wrapped key (or a value that contains one)
 * @param format how the wrapped key sits in the stored value
 */
public record DataKeyColumn(String table, String idColumn, String column, Format format) {

    /** How a stored value holds its wrapped data key. */
    public interface Format {
        /** The wrapped data key inside a stored value. */
        byte[] wrappedKey(byte[] stored);

        /** The stored value with its wrapped data key replaced by another one. */
        byte[] withWrappedKey(byte[] stored, byte[] wrappedKey);
    }

    /** The column holds the wrapped data key and nothing else. */
    public static final Format KEY_ONLY = new Format() {
        @Override
        public byte[] wrappedKey(byte[] stored) {
            return stored;
        }

        @Override
        public byte[] withWrappedKey(byte[] stored, byte[] wrappedKey) {
            return wrappedKey;
        }
    };

    public static DataKeyColumn keys(String table, String idColumn, String column) {
        return new DataKeyColumn(table, idColumn, column, KEY_ONLY);
    }

    public DataKeyColumn {
        for (String name : new String[] {table, idColumn, column}) {
            if (!name.matches("[a-z_]+(\\.[a-z_]+)?")) {
                throw new IllegalArgumentException("Not a plain SQL name: " + name);
            }
        }
    }

    public String name() {
        return table + "." + column;
    }
}
