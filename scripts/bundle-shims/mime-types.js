// form-data (under axios, under @sendgrid/client) looks up a file's content type in mime-db,
// a 182 KB JSON database parsed when the SendGrid client loads. SendGrid calls send JSON and
// never append a file, so the lookup never runs: this is its "unknown type" answer.
export const lookup = () => false;
