package cn.minzheng.platform.embedded;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * H2 {@code DataType}s that keep mongo-java-server's values as BSON (the wire format, written and
 * read by mongo-java-server's own {@code BsonEncoder}/{@code BsonDecoder}) instead of H2's
 * {@code ObjectDataType}, which falls back to Java serialisation for {@link Document}s,
 * {@link KeyValue}s, {@code ObjectId}s and {@code Missing} — for every stored document, and for
 * every key comparison of an index. Keys compare with mongo-java-server's {@link ValueComparator}
 * (BSON type order, numbers by value), in memory, without serialising anything.
 *
 * <p>Every entry is a var-int length and the BSON bytes of one document.
 */
final class BsonDataTypes {

    private BsonDataTypes() {
    }

    /** Orders single values and index keys: BSON type order, numbers by value ({@code -0.0 == 0.0}). */
    static int compareValues(Object a, Object b) {
        return ValueComparator.ascWithoutListHandling().compare(zeroed(a), zeroed(b));
    }

    private static Object zeroed(Object value) {
        if (value instanceof Double d && d == 0.0d) {
            return 0.0d;
        }
        return value;
    }

    static int compareKeys(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int c = compareValues(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size()); // a prefix sorts before the keys it starts
    }

    /** One growing buffer per thread (pages are written by the committing thread): no allocation per value. */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    static byte[] encode(Document document) {
        ByteBuf buffer = ENCODING.get().clear();
        BsonEncoder.encodeDocument(document, buffer);
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        if (buffer.capacity() > (1 << 20)) {
            ENCODING.remove(); // a large document: do not keep its buffer
        }
        return bytes;
    }

    static Document decode(ByteBuffer source) {
        int length = DataUtils.readVarInt(source);
        if (source.hasArray()) {
            ByteBuf buffer = Unpooled.wrappedBuffer(source.array(), source.arrayOffset() + source.position(), length);
            source.position(source.position() + length);
            return BsonDecoder.decodeBson(buffer);
        }
        byte[] bytes = new byte[length];
        source.get(bytes);
        return decode(bytes);
    }

    static Document decode(byte[] bytes) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    static void write(WriteBuffer target, Document document) {
        byte[] bytes = encode(document);
        target.putVarInt(bytes.length).put(bytes);
    }

    /** A rough size in memory (H2 samples it to decide when a page is full and what the cache holds). */
    static int estimateMemory(Object value) {
        if (value instanceof String s) {
            return 48 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 48 + 2 * String.valueOf(entry.getKey()).length() + estimateMemory(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> collection) {
            int size = 40;
            for (Object element : collection) {
                size += 8 + estimateMemory(element);
            }
            return size;
        }
        return 24;
    }

    /**
     * Stored documents, kept as their BSON bytes in memory too: a read decodes a fresh
     * {@link Document} (mongo-java-server changes the documents it reads in place while updating
     * them; a shared instance would change under H2's page writer), a write encodes once in the
     * writing thread, and the page writer only copies bytes.
     */
    static final class BsonBytesType extends BasicDataType<byte[]> {
        static final BsonBytesType INSTANCE = new BsonBytesType();

        @Override
        public int getMemory(byte[] bytes) {
            return 24 + bytes.length;
        }

        @Override
        public void write(WriteBuffer buff, byte[] bytes) {
            buff.putVarInt(bytes.length).put(bytes);
        }

        @Override
        public byte[] read(ByteBuffer buff) {
            byte[] bytes = new byte[DataUtils.readVarInt(buff)];
            buff.get(bytes);
            return bytes;
        }

        @Override
        public byte[][] createStorage(int size) {
            return new byte[size][];
        }
    }

    /**
     * One value (a document's {@code _id}, the key of its collection's map; an index entry's
     * position). {@code null} and mongo-java-server's {@code Missing} are kept apart.
     */
    static final class ValueType extends BasicDataType<Object> {
        static final ValueType INSTANCE = new ValueType();
        private static final String VALUE = "v";

        @Override
        public int getMemory(Object value) {
            return estimateMemory(value);
        }

        @Override
        public void write(WriteBuffer buff, Object value) {
            Document holder = new Document();
            if (!(value instanceof Missing)) {
                holder.put(VALUE, value);
            }
            BsonDataTypes.write(buff, holder);
        }

        @Override
        public Object read(ByteBuffer buff) {
            Document holder = decode(buff);
            return holder.containsKey(VALUE) ? holder.get(VALUE) : Missing.getInstance();
        }

        @Override
        public int compare(Object a, Object b) {
            return compareValues(a, b);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    /** Index keys: a {@link KeyValue} (several values, any of them may be {@code Missing}). */
    static final class KeyValueType extends BasicDataType<KeyValue> {
        static final KeyValueType INSTANCE = new KeyValueType();
        private static final String SIZE = "n";

        @Override
        public int getMemory(KeyValue key) {
            int size = 40;
            for (Object value : key) {
                size += 8 + estimateMemory(value);
            }
            return size;
        }

        @Override
        public void write(WriteBuffer buff, KeyValue key) {
            Document holder = new Document(SIZE, key.size());
            for (int i = 0; i < key.size(); i++) {
                if (!(key.get(i) instanceof Missing)) {
                    holder.put(Integer.toString(i), key.get(i));
                }
            }
            BsonDataTypes.write(buff, holder);
        }

        @Override
        public KeyValue read(ByteBuffer buff) {
            Document holder = decode(buff);
            int size = ((Number) holder.get(SIZE)).intValue();
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                String name = Integer.toString(i);
                values.add(holder.containsKey(name) ? holder.get(name) : Missing.getInstance());
            }
            return new KeyValue(values);
        }

        @Override
        public int compare(KeyValue a, KeyValue b) {
            return compareKeys(a, b);
        }

        @Override
        public KeyValue[] createStorage(int size) {
            return new KeyValue[size];
        }
    }
}
