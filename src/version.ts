/** Version of the pipeline, recorded in every output; bump it when output for the same input may change. */
export const PIPELINE_VERSION = '0.1.0';
