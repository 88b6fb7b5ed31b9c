package cn.minzheng.platform.kit.testapp;

import cn.minzheng.platform.events.KafkaCloudEvents;
import cn.minzheng.platform.events.MalformedEventException;
import cn.minzheng.platform.kit.messaging.KafkaConsumerAutoConfiguration;
import cn.minzheng.platform.kit.messaging.RawDeadLetters;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A batch listener in the kit's raw-bytes mode: decodes itself, dead-letters poison byte for byte. */
@Component
public class RawRecordingListener {

    public static final String TOPIC = "kit.test.raw";
    public static final List<String> DECODED = new CopyOnWriteArrayList<>();
    public static final List<byte[]> SEEN = new CopyOnWriteArrayList<>();

    private final RawDeadLetters deadLetters;

    RawRecordingListener(RawDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @KafkaListener(topics = TOPIC, groupId = "kit-raw", containerFactory = KafkaConsumerAutoConfiguration.RAW_BATCH_FACTORY)
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            SEEN.add(record.value());
            try {
                DECODED.add(KafkaCloudEvents.fromRecord(record).id());
            } catch (MalformedEventException poison) {
                deadLetters.send(record, poison.getMessage());
            }
        }
    }
}
