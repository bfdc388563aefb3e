// Files in the staff console: a person's voice note, photo, video or document, and the advisor's
// own photo or document for the person. Plain DOM, no framework; loaded before app.js.
//
//   WegweiserMedia.render(media, token) -> a node that fetches GET /api/media/{id} with the
//     advisor's token (never a public URL) into a Blob and shows <audio controls> (voice note),
//     <img> (photo), <video controls>, or a download link (document).
//   WegweiserMedia.attachControl(handoffId, token, onSent) -> a file input and a Send button that
//     POST the file to /api/handoffs/{id}/media as the raw body, with its Content-Type and its
//     name URI-encoded in X-Filename; onSent(media) is called with the server's answer.
//
// The console's CSP allows blob: for img-src and media-src, so the object URLs show and play.
// Texts: the media.* keys of the console's texts (locales/<lang>/console.json), through WegweiserI18n.
(function () {
  'use strict';

  function t(key, vars) {
    return window.WegweiserI18n.t(key, vars);
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function sizeLabel(bytes) {
    if (bytes >= 1048576) return (bytes / 1048576).toFixed(1) + ' MB';
    if (bytes >= 1024) return Math.round(bytes / 1024) + ' kB';
    return bytes + ' B';
  }

  /** A file of the transcript, fetched with the token and shown by its kind. */
  function render(media, token) {
    var box = el('div', undefined, 'media media-' + media.kind);
    box.style.margin = '.3rem 0';
    var status = el('span', t('media.loading'), 'media-status');
    box.appendChild(status);
    fetch('/api/media/' + encodeURIComponent(media.id), { headers: { authorization: 'Bearer ' + token } })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.blob();
      })
      .then(function (blob) {
        var url = URL.createObjectURL(new Blob([blob], { type: media.contentType }));
        var node;
        if (media.kind === 'audio') {
          node = el('audio');
          node.controls = true;
          node.preload = 'metadata';
          node.src = url;
          node.setAttribute('aria-label', t('media.voice'));
        } else if (media.kind === 'image') {
          node = el('img');
          node.src = url;
          node.alt = media.name || t('media.photo');
          node.style.maxWidth = '100%';
          node.style.height = 'auto';
          node.style.display = 'block';
        } else if (media.kind === 'video') {
          node = el('video');
          node.controls = true;
          node.preload = 'metadata';
          node.src = url;
          node.style.maxWidth = '100%';
        } else {
          var name = media.name || 'document';
          node = el('a', t('media.download', { name: name }) + ' (' + sizeLabel(media.size) + ')');
          node.href = url;
          node.download = name;
        }
        box.replaceChild(node, status);
      })
      .catch(function (err) {
        status.textContent = t('media.failed', { status: err.message });
        status.className = 'media-status error';
      });
    return box;
  }

  /** A file input and a Send button: the advisor's photo or document reaches the person on their channel. */
  function attachControl(handoffId, token, onSent) {
    var box = el('div', undefined, 'media-attach');
    var label = el('label', t('media.attach'));
    var input = el('input');
    input.type = 'file';
    input.name = 'file';
    input.accept = 'image/jpeg,image/png,image/webp,application/pdf,.doc,.docx,.odt,.txt';
    label.appendChild(input);
    var send = el('button', t('media.send'));
    send.type = 'button';
    var status = el('p', '', 'media-attach-status');
    status.setAttribute('role', 'status');
    send.addEventListener('click', function () {
      var file = input.files && input.files[0];
      if (!file) { status.textContent = t('media.choose'); return; }
      send.disabled = true;
      status.textContent = t('media.sending');
      fetch('/api/handoffs/' + encodeURIComponent(handoffId) + '/media', {
        method: 'POST',
        headers: { authorization: 'Bearer ' + token, 'content-type': file.type || 'application/octet-stream', 'x-filename': encodeURIComponent(file.name) },
        body: file,
      })
        .then(function (res) {
          return res.json().catch(function () { return {}; }).then(function (body) {
            if (res.status === 201) {
              status.textContent = t('media.sent');
              input.value = '';
              if (onSent) onSent(body.media);
            } else if (res.status === 413) {
              status.textContent = t('media.tooLarge');
            } else {
              status.textContent = t('media.notSent', { error: body.error || res.status });
            }
          });
        })
        .catch(function (err) { status.textContent = t('media.notSent', { error: err.message }); })
        .then(function () { send.disabled = false; });
    });
    box.appendChild(label);
    box.appendChild(send);
    box.appendChild(status);
    return box;
  }

  window.WegweiserMedia = { render: render, attachControl: attachControl };
})();
