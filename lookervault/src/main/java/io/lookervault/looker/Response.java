package io.lookervault.looker;

import java.util.Optional;

/** A received HTTP answer (package-private plumbing of the client). */
record Response(int status, Optional<String> contentType, Optional<String> retryAfter, Optional<String> totalCount,
                Optional<String> link, byte[] body) {}
