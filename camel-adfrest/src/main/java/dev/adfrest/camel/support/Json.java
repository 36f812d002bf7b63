package dev.adfrest.camel.support;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * The one Jackson setup of the component: pages, options, ADF definitions, saved run positions and token responses
 * are all read and written with {@link #MAPPER}, and JSONPaths evaluated on its trees with {@link #JSONPATH}.
 */
public final class Json {

    /**
     * Refuses trailing content after the one JSON value. Nesting stays bounded (a hostile page cannot blow the
     * stack), and so do numbers ({@link Numbers#MAX_LENGTH} characters: a million-digit number would cost seconds to
     * convert); string and document sizes are bounded by maxResponseSize instead of Jackson's 20 MB string default,
     * which would refuse legitimate large values.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(1000)
                .maxNumberLength(Numbers.MAX_LENGTH)
                .maxStringLength(Integer.MAX_VALUE)
                .build());
    }

    /** Jayway JsonPath on Jackson trees of {@link #MAPPER}: a path reads the tree already parsed, never text. */
    public static final Configuration JSONPATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(MAPPER))
            .mappingProvider(new JacksonMappingProvider(MAPPER))
            .build();

    private Json() {
    }
}
