package dev.adfrest.camel;

import org.apache.camel.spi.Metadata;

/**
 * Headers set on every page exchange of an {@code adfrest:} copy run (the consumer, and each page Message of
 * operation=read), and on the exchanges the sink writes (operation=write).
 */
public final class AdfRestConstants {

    @Metadata(label = "consumer", description = "The 1-based number of the page within its copy run.",
              javaType = "int")
    public static final String PAGE_NUMBER = "CamelAdfRestPageNumber";

    @Metadata(label = "consumer",
              description = "The URL the page was fetched from, with credentials and secret query parameters masked.",
              javaType = "String")
    public static final String REQUEST_URL = "CamelAdfRestRequestUrl";

    @Metadata(description = "The id of the copy run (one poll of the consumer, one exchange of operation=read); the"
                            + " same on every page of a run, and on the exchange operation=read sets the pages on.",
              javaType = "String")
    public static final String RUN_ID = "CamelAdfRestRunId";

    @Metadata(label = "consumer",
              description = "True on the last page of a run that ended normally, false on every other page.",
              javaType = "boolean")
    public static final String LAST_PAGE = "CamelAdfRestLastPage";

    @Metadata(label = "consumer",
              description = "The number of records (collectionReference) or rows (translator) in the body. Not set"
                            + " when the body is the page as received.",
              javaType = "int")
    public static final String RECORD_COUNT = "CamelAdfRestRecordCount";

    @Metadata(label = "consumer",
              description = "With a translator: the page's rows left out because a value did not convert"
                            + " (enableSkipIncompatibleRow=true); each is logged at WARN.",
              javaType = "int")
    public static final String SKIPPED_ROW_COUNT = "CamelAdfRestSkippedRowCount";

    @Metadata(label = "consumer",
              description = "Incremental copy (watermarkPath): the watermark this run asks from, the value it put in"
                            + " place of {watermark} (the saved value moved back by watermarkLag, or"
                            + " watermarkInitialValue); the same on every page of a run, a resumed run included. Not"
                            + " set when the run has none (no initial value, no run completed yet).",
              javaType = "String")
    public static final String WATERMARK = "CamelAdfRestWatermark";

    @Metadata(label = "consumer",
              description = "Every response header of the page, names as the API sent them (look-ups ignore letter"
                            + " case): a String, or a List of String for a header sent more than once. Only a safe set"
                            + " of them is also set as top-level headers (see the headerFilterStrategy option), so"
                            + " that an API cannot set headers a sink acts on.",
              javaType = "java.util.Map<String, Object>")
    public static final String RESPONSE_HEADERS = "CamelAdfRestResponseHeaders";

    @Metadata(description = "The HTTP status code of the page's response; after operation=write, of the last"
                            + " request's answer (also when that batch failed), and not set when no request was sent.",
              javaType = "int")
    public static final String HTTP_RESPONSE_CODE = org.apache.camel.Exchange.HTTP_RESPONSE_CODE;

    @Metadata(label = "producer",
              description = "After operation=write: how many of the exchange's records the API took. Set also when a"
                            + " batch failed: the records written before it.",
              javaType = "long")
    public static final String RECORDS_WRITTEN = "CamelAdfRestRecordsWritten";

    @Metadata(label = "producer",
              description = "After operation=write: how many requests the exchange's records took, retries included"
                            + " (0 for an exchange without records). Set also when a batch failed.",
              javaType = "int")
    public static final String REQUEST_COUNT = "CamelAdfRestRequestCount";

    private AdfRestConstants() {
    }
}
