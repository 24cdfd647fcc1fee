/**
 * XMESS — relé del formulari de Google a la porta d'entrada signada (funció intake).
 *
 * No copieu aquest fitxer tal com és: genereu-lo amb `npm run form -- relay`, que hi
 * escriu el mapa del vostre formulari (element → camp del contracte JSON). Torneu-lo a
 * generar després de cada `npm run form -- update`.
 *
 * Propietats de l'script (Configuració del projecte → Propietats de l'script):
 *   INTAKE_URL     l'adreça de la funció intake
 *   INTAKE_SECRET  el mateix valor que INTAKE_SECRET de la funció
 * Activador: onFormSubmit, «En enviar el formulari» (vegeu README.md).
 */

// Filled in by `npm run form -- relay`: items by Apps Script item ID (the Forms API item
// ID read as a hexadecimal number), the option labels per field, the commitment fields.
const MAP = /* MAPA */ null;

function onFormSubmit(e) {
  if (!MAP) throw new Error('Aquest script no té el mapa del formulari: genereu-lo amb npm run form -- relay.');
  const props = PropertiesService.getScriptProperties();
  const url = props.getProperty('INTAKE_URL');
  const secret = props.getProperty('INTAKE_SECRET');
  if (!url || !secret) throw new Error('Falten les propietats de l’script INTAKE_URL i INTAKE_SECRET.');

  // The bytes signed are the bytes sent: t + "." + body, HMAC-SHA256, hex (README, "The intake contract").
  const body = Utilities.newBlob(JSON.stringify(toBody(e.response))).getBytes();
  const t = Math.floor(Date.now() / 1000);
  const mac = Utilities.computeHmacSha256Signature(Utilities.newBlob(t + '.').getBytes().concat(body), Utilities.newBlob(secret).getBytes());
  const res = UrlFetchApp.fetch(url, {
    method: 'post',
    contentType: 'application/json; charset=utf-8',
    payload: body,
    headers: { 'X-Signature': 't=' + t + ',v1=' + hex(mac) },
    muteHttpExceptions: true,
  });
  const code = res.getResponseCode();
  // 201: recorded; 200: already recorded (the Forms watch may have come first); 400:
  // recorded as invalid and reported to staff. Anything else fails this run, so Google
  // emails the script's owner; the sweep's reconciliation adds the response anyway.
  if (code !== 200 && code !== 201 && code !== 400) {
    throw new Error('La porta d’entrada ha respost ' + code + ': ' + res.getContentText().slice(0, 300));
  }
}

/** The intake contract's JSON body, with submissionId = the response ID (both doors dedupe on it). */
function toBody(response) {
  const body = { submissionId: response.getId(), submittedAt: response.getTimestamp().toISOString() };
  const commitments = {};
  MAP.commitments.forEach(function (key) { commitments[key] = false; });
  response.getItemResponses().forEach(function (itemResponse) {
    const itemId = String(itemResponse.getItem().getId());
    const answer = itemResponse.getResponse();
    const entry = MAP.items[itemId];
    if (!entry) {
      body['pregunta ' + itemId] = answer; // refused by the intake, which names it
      return;
    }
    const values = Array.isArray(answer) ? answer : [answer];
    if (values.length === 0 || (values.length === 1 && values[0] === '')) return;
    const labels = MAP.labels[entry.key] || {};
    const known = function (v) { return Object.prototype.hasOwnProperty.call(labels, v); };
    if (entry.kind === 'commitment') {
      commitments[entry.key] = values.some(function (v) { return known(v) && labels[v] === true; });
      return;
    }
    body[entry.key] = values.length !== 1 ? values : known(values[0]) ? labels[values[0]] : values[0];
  });
  body.commitments = commitments;
  return body;
}

function hex(bytes) {
  return bytes.map(function (b) { return ('0' + (b & 0xff).toString(16)).slice(-2); }).join('');
}
