/**
 * Avro event schemas, their serdes, the schema store and the topic catalogue.
 *
 * <ul>
 *   <li>{@link io.streamsight.schemas.EventSchemas}: the top-level event records (generated into
 *       {@code io.streamsight.events}) and their current schemas.
 *   <li>{@link io.streamsight.schemas.SchemaStore}: every released version of each record (frozen
 *       files under {@code io/streamsight/schemas/released/}) plus the current schemas, by
 *       fingerprint.
 *   <li>{@link io.streamsight.schemas.AvroSerde}: Kafka serde in Avro single-object encoding that
 *       reads every released version into the current class.
 *   <li>{@link io.streamsight.schemas.Topics} and {@link io.streamsight.schemas.Topic}: the topic
 *       names with their key and value serdes.
 * </ul>
 *
 * <p>Changing a schema: edit the {@code .avsc} under {@code src/main/avro}, keeping it readable by
 * and able to read the latest released version (new fields need defaults). Once it ships, add the
 * next released version ({@code released/<RecordName>/v<N+1>.avsc}, the new schema's {@code
 * getClassSchema().toString(true)}), its index line and its pinned fingerprint in {@code
 * ReleasedSchemasTest}; never edit a released file.
 */
package io.streamsight.schemas;
