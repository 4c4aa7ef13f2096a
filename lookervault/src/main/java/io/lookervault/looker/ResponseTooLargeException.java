package io.lookervault.looker;

/**
 * An answer body larger than the cap ({@code max_response_mb}): read no further, so one huge or endless body
 * cannot fill the heap. Permanent: the same request would send the same body; the item fails, the run goes on.
 */
public class ResponseTooLargeException extends LookerException {
    public ResponseTooLargeException(String method, String path, long capBytes) {
        super(method, path, 200, method + " " + path + ": the answer is larger than " + (capBytes >> 20)
                + " MB and was not read (raise max_response_mb / LOOKERVAULT_MAX_RESPONSE_MB if the item is"
                + " really that big)", null);
    }
}
