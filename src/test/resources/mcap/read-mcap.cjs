// Reads an MCAP file with the reference TypeScript reader (@mcap/core's McapStreamReader) and
// prints one line per message: topic, sequence, log time, data as hex; then "end" once the
// footer and closing magic were read. Used by McapReferenceReaderTest.
const fs = require("fs");
const { McapStreamReader } = require("@mcap/core");

const reader = new McapStreamReader({ validateCrcs: true });
reader.append(fs.readFileSync(process.argv[2]));
const topics = new Map();
const out = [];
for (let record; (record = reader.nextRecord()); ) {
  if (record.type === "Channel") {
    topics.set(record.id, record.topic);
  } else if (record.type === "Message") {
    out.push(`${topics.get(record.channelId)} ${record.sequence} ${record.logTime} ${Buffer.from(record.data).toString("hex")}`);
  }
}
if (reader.done()) {
  out.push("end");
}
process.stdout.write(out.join("\n") + "\n");
