package be.lokaalsignaal.topology;

import be.lokaalsignaal.serde.SchemaRegistryException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topology's exception handlers, which tell a transient fault from a bad record. A record that
 * cannot be read, processed or written because the schema registry does not answer is not bad: it
 * is neither skipped nor sent to the dead-letter topic. The handler fails the task instead; under
 * exactly-once nothing of it is committed, the stream thread is replaced after a back-off (see the
 * application's uncaught-exception handler) and the record is read again once the registry is back.
 * Every other failure is handled as before: a record bad in itself goes to the dead-letter topic
 * and processing goes on.
 */
public final class TransientFaults {
    private static final Logger log = LoggerFactory.getLogger(TransientFaults.class);

    private TransientFaults() {}

    private static void waiting(String what, ErrorHandlerContext context, Exception e) {
        log.warn("{} on {}-{} at offset {} waits for the schema registry (not skipped): {}", what, context.topic(), context.partition(),
                context.offset(), rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryException) {
                return t.getMessage();
            }
        }
        return e.toString();
    }

    /** Reading a record. */
    public static final class Deserialization extends LogAndContinueExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
            if (SchemaRegistryException.isUnavailable(exception)) {
                waiting("reading a record", context, exception);
                return Response.fail();
            }
            return super.handleError(context, record, exception);
        }
    }

    /** Processing a record (a processor that serializes, e.g. to compare encodings). */
    public static final class Processing extends LogAndContinueProcessingExceptionHandler {
        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            if (SchemaRegistryException.isUnavailable(exception)) {
                waiting("processing a record", context, exception);
                return Response.fail();
            }
            return super.handleError(context, record, exception);
        }
    }

    /** Writing a result: a serialization that failed for want of the registry fails without a dead letter. */
    public static final class Production extends DefaultProductionExceptionHandler {
        @Override
        @SuppressWarnings("rawtypes")
        public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                                 SerializationExceptionOrigin origin) {
            if (SchemaRegistryException.isUnavailable(exception)) {
                waiting("writing a result of the record", context, exception);
                return Response.fail();
            }
            return super.handleSerializationError(context, record, exception, origin);
        }
    }
}
